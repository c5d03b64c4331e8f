import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { seed } from "./data-browser";
import { type BenchFigure, type BenchSection, median } from "./report";

// Exports at 1,000,000 judgments (the data browser's bulk-inserted project): votes JSONL, TRL JSONL
// and votes Parquet, each streamed to a file, next to the floor: `COPY (the same SELECT) TO STDOUT`
// through `pg` (what the export itself reads, lib/export/source.ts), bytes counted and dropped.
// Rows/s are judgments read per second. Peak RSS is sampled during each export, at the full size
// and at a tenth of it (a date range), so a memory that grew with the rows would show as a ratio
// well above 1.

const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const PROJECT = "bench";

/** COPY … TO STDOUT with the bytes counted: pg's Query ignores copy data unless told otherwise. */
class CountingCopy extends pg.Query {
  bytes = 0;
  // Not in @types/pg: the hook pg calls for each CopyData message (a no-op in pg itself).
  handleCopyData(message: { chunk: Buffer }): void {
    this.bytes += message.chunk.length;
  }
}

async function copyOut(client: pg.Client, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const query: CountingCopy = new CountingCopy(sql, [], (error: Error | undefined) =>
      error ? reject(error) : resolve(query.bytes),
    );
    client.query(query);
  });
}

/** Runs `work` while sampling the resident set every 20 ms; answers seconds and the peak RSS in MB. */
async function measured(work: () => Promise<unknown>): Promise<{ seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak / 2 ** 20 };
}

export const exportBench: BenchSection = {
  name: "export",
  title: "Exports at 1,000,000 judgments: votes JSONL, TRL JSONL, Parquet vs COPY TO STDOUT",
  run: async () => {
    const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
    const { migrateDeploy } = await import("../../lib/db/migrate");
    const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-bench-export-"));
    const database = await startEmbeddedPostgres({ dir, ephemeral: true });
    process.env.DATABASE_URL = database.url;
    const { db, disconnect } = await import("../../lib/db");
    const client = new pg.Client({ connectionString: database.url });
    try {
      await migrateDeploy(database.url);
      const seeded = performance.now();
      await seed(database.url);
      await client.connect();
      const judgments = Number((await client.query(`SELECT count(*) FROM "Judgment"`)).rows[0].count);
      console.log(
        `  (seeded ${judgments.toLocaleString("en-US")} judgments in ${((performance.now() - seeded) / 1000).toFixed(0)} s)`,
      );
      const { exportQuerySchema, exportToFile, startExport } = await import("../../lib/export");
      const { inlined, voteQuery } = await import("../../lib/export/source");
      const project = await db().project.findUniqueOrThrow({ where: { id: PROJECT } });
      // The seed leaves out no labeler; gold pairs (1 in 20) are kept so every judgment is read.
      const query = { excludeGold: "false" };
      const floorSql = (() => {
        const spec = exportQuerySchema.parse(query);
        const { text, values } = voteQuery({ id: PROJECT, go: false }, spec.filters, null);
        return `COPY (${inlined(client, text, values)}) TO STDOUT`;
      })();
      const file = path.join(dir, "export.out");
      const exportOnce = (extra: Record<string, string>) => async () => {
        const run = await startExport(project, exportQuerySchema.parse({ ...query, ...extra }), "bench");
        return exportToFile(run, file);
      };
      const cases: [string, Record<string, string>][] = [
        ["votes JSONL", { format: "votes", as: "jsonl" }],
        ["TRL JSONL (pair rule)", { format: "trl", as: "jsonl" }],
        ["votes Parquet", { format: "votes", as: "parquet" }],
      ];
      // Warm the caches once for both paths.
      await copyOut(client, floorSql);
      // Memory against size: the same export at a tenth of the judgments (the first 3 of 30 days),
      // run before the full-size ones so that their heap does not inflate it.
      const smallPeaks = new Map<string, number>();
      for (const [name, extra] of [cases[0], cases[2]] as [string, Record<string, string>][]) {
        smallPeaks.set(name, (await measured(exportOnce({ ...extra, to: "2026-10-03" }))).peakMb);
      }
      const figures: BenchFigure[] = [];
      const fullPeaks = new Map<string, number>();
      for (const [name, extra] of cases) {
        const times: number[] = [];
        const floors: number[] = [];
        const peaks: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const run = await measured(exportOnce(extra));
          times.push(run.seconds);
          peaks.push(run.peakMb);
          floors.push((await measured(() => copyOut(client, floorSql))).seconds);
        }
        const seconds = median(times);
        fullPeaks.set(name, Math.max(...peaks));
        console.log(
          `  ${name}: ${seconds.toFixed(1)} s for ${judgments.toLocaleString("en-US")} judgments, peak RSS ${Math.max(...peaks).toFixed(0)} MB`,
        );
        figures.push({
          name: `${name}, judgments read per second`,
          unit: "rows/s",
          value: judgments / seconds,
          baselineName: "COPY (same SELECT) TO STDOUT through pg",
          baseline: judgments / median(floors),
          target: { op: ">=", value: (0.3 * judgments) / median(floors) },
        });
        if (name === "votes JSONL") {
          figures.push({
            name: "votes JSONL, seconds for the million",
            unit: "s",
            value: seconds,
            baselineName: "COPY (same SELECT) TO STDOUT through pg",
            baseline: median(floors),
            target: { op: "<=", value: 10 },
          });
        }
      }
      for (const [name, small] of smallPeaks) {
        figures.push({
          name: `${name}, peak RSS at ${judgments.toLocaleString("en-US")} judgments`,
          unit: "MB",
          value: fullPeaks.get(name) ?? Number.NaN,
          baselineName: "the same export at a tenth of the judgments, run first",
          baseline: small,
        });
      }
      return figures;
    } finally {
      await client.end().catch(() => undefined);
      await disconnect();
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
