import { db } from "../db";
import { readLines } from "./lines";
import { ImportError } from "./problems";
import type { PromptRecord } from "./record";
import { parsePromptLine } from "./record";
import { validateImportFile } from "./validate";
import { emptySummary, type ImportProject, type ImportSummary, lockProjectForImport, writeBatch } from "./write";

export type ImportOptions = {
  /** Pair sampling and serving order; pass mulberry32(…) for reproducible imports. */
  random?: () => number;
  /** Prompt lines written per batch of statements. */
  batchSize?: number;
};

const DEFAULT_BATCH_SIZE = 500;

/**
 * Imports a JSONL file of prompts with candidates into a project, all or nothing.
 *
 * Pass 1 validates every line and throws an ImportError listing the problems if there is any.
 * Pass 2 reads the file again and writes it in batches inside one transaction, so a failure
 * part-way (a database error, a crash) leaves nothing behind. Both passes stream the file.
 * Re-importing is safe: prompts, candidates and pairs that exist are matched by their ids and kept.
 */
export async function importFile(
  path: string,
  project: ImportProject,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const check = await validateImportFile(path, project);
  if (check.errorCount > 0) throw new ImportError(check.errors, check.errorCount);

  const summary = await db().$transaction(
    async (tx) => {
      await lockProjectForImport(tx, project.id);
      const written = emptySummary();
      let batch: PromptRecord[] = [];
      for await (const { line, text } of readLines(path)) {
        const parsed = parsePromptLine(text, project);
        if (parsed.problems) {
          const changed = { line, field: "", message: "the file changed while it was being imported; import it again" };
          throw new ImportError([changed, ...parsed.problems.map((p) => ({ line, ...p }))]);
        }
        batch.push(parsed.record);
        if (batch.length >= batchSize) {
          await writeBatch(tx, project, batch, random, written);
          batch = [];
        }
      }
      if (batch.length > 0) await writeBatch(tx, project, batch, random, written);
      return written;
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  await refreshStatistics(summary);
  return summary;
}

const ANALYZE_AFTER_ROWS = 10_000;

/**
 * After a large import the planner's row estimates are stale until autovacuum gets to the tables
 * (up to a minute or more), and it picks sequential scans: a re-import of 100k prompts right after
 * the first took 50 s instead of 10 s. ANALYZE samples, so it takes about a second at any size.
 */
async function refreshStatistics(summary: ImportSummary): Promise<void> {
  const created = summary.prompts.created + summary.candidates.created + summary.pairs.created;
  if (created < ANALYZE_AFTER_ROWS) return;
  await db().$executeRawUnsafe('ANALYZE "Prompt", "Candidate", "Pair"');
}
