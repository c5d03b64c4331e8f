import { randomUUID } from "node:crypto";
import type { Prisma } from "../db";
import type { Project } from "../generated/prisma/client";
import { shuffleKey } from "../pairs/plan";
import { type PlannedPair, planPromptPairs } from "./pairs";
import type { PromptRecord } from "./record";

export type ImportProject = Pick<Project, "id" | "kind" | "k" | "pairCap" | "allowTie">;

export type ImportSummary = {
  prompts: { created: number; existing: number };
  candidates: { created: number; existing: number };
  /** `gold` counts the created pairs that are gold pairs (included in `created`). */
  pairs: { created: number; gold: number };
};

export function emptySummary(): ImportSummary {
  return {
    prompts: { created: 0, existing: 0 },
    candidates: { created: 0, existing: 0 },
    pairs: { created: 0, gold: 0 },
  };
}

type Tx = Prisma.TransactionClient;
type StoredCandidate = { id: string; promptId: string; externalId: string };
type StoredPair = { promptId: string; candidateAId: string; candidateBId: string };

/** Imports into one project run one at a time, so "what is stored" cannot change under a batch. */
export async function lockProjectForImport(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${`vibecheck:import:${projectId}`}))`;
}

/**
 * Writes one batch of validated prompt lines inside the caller's transaction: new prompts, new
 * candidates, and pairs for the new candidates. Rows that exist (same external ids) are kept as
 * they are: a re-import never updates a text, a source or meta.
 */
export async function writeBatch(
  tx: Tx,
  project: ImportProject,
  records: readonly PromptRecord[],
  random: () => number,
  summary: ImportSummary,
): Promise<void> {
  const externalIds = records.map((r) => r.id);
  const storedPrompts = await tx.$queryRaw<{ id: string; externalId: string }[]>`
    SELECT id, "externalId" FROM "Prompt"
    WHERE "projectId" = ${project.id} AND "externalId" = ANY(${externalIds}::text[])`;
  const promptIdOf = new Map(storedPrompts.map((p) => [p.externalId, p.id]));
  const storedIds = storedPrompts.map((p) => p.id);
  const storedCandidates =
    storedIds.length === 0
      ? []
      : await tx.$queryRaw<StoredCandidate[]>`
          SELECT id, "promptId", "externalId" FROM "Candidate"
          WHERE "promptId" = ANY(${storedIds}::text[]) ORDER BY "createdAt", "externalId"`;
  // Looked up by candidate A: Pair has an index that starts with candidateAId, none on promptId.
  const storedCandidateIds = storedCandidates.map((c) => c.id);
  const storedPairs =
    storedCandidateIds.length === 0
      ? []
      : await tx.$queryRaw<StoredPair[]>`
          SELECT "promptId", "candidateAId", "candidateBId" FROM "Pair"
          WHERE "candidateAId" = ANY(${storedCandidateIds}::text[])`;

  const candidatesOf = groupBy(storedCandidates, (c) => c.promptId);
  const pairsOf = groupBy(storedPairs, (p) => p.promptId);
  const prompts = new Rows(["id", "externalId", "text", "meta"]);
  const candidates = new Rows(["id", "promptId", "externalId", "text", "source", "meta", "board"]);
  const pairs: { promptId: string; pair: PlannedPair }[] = [];

  for (const record of records) {
    let promptId = promptIdOf.get(record.id);
    if (promptId) summary.prompts.existing++;
    else {
      promptId = randomUUID();
      prompts.add([promptId, record.id, record.prompt, JSON.stringify(record.meta)]);
      summary.prompts.created++;
    }
    const stored = new Map((candidatesOf.get(promptId) ?? []).map((c) => [c.externalId, c.id] as const));
    const idOf = new Map<string, string>();
    const fresh = new Set<string>();
    for (const candidate of record.candidates) {
      const storedId = stored.get(candidate.id);
      if (storedId) {
        idOf.set(candidate.id, storedId);
        summary.candidates.existing++;
        continue;
      }
      const id = randomUUID();
      idOf.set(candidate.id, id);
      fresh.add(id);
      const board = candidate.board ? JSON.stringify(candidate.board) : null;
      candidates.add([
        id,
        promptId,
        candidate.id,
        candidate.text,
        candidate.source,
        JSON.stringify(candidate.meta),
        board,
      ]);
      summary.candidates.created++;
    }
    const onLine = new Set(idOf.values());
    const order = [...onLine, ...[...stored.values()].filter((id) => !onLine.has(id))];
    const planned = planPromptPairs({
      candidates: order,
      fresh,
      existing: (pairsOf.get(promptId) ?? []).map((p) => [p.candidateAId, p.candidateBId] as const),
      gold: record.gold.map((g) => ({ a: idOf.get(g.a) ?? g.a, b: idOf.get(g.b) ?? g.b, answer: g.answer })),
      cap: project.pairCap,
      random,
    });
    for (const pair of planned) pairs.push({ promptId, pair });
  }

  await insertPrompts(tx, project.id, prompts);
  await insertCandidates(tx, candidates);
  const created = await insertPairs(tx, project, pairs, random);
  summary.pairs.created += created;
  summary.pairs.gold += pairs.filter((p) => p.pair.gold !== null).length;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Column-wise rows: one array parameter per column, inserted with unnest (a handful of parameters per batch). */
class Rows {
  readonly columns: (string | null)[][];
  constructor(names: string[]) {
    this.columns = names.map(() => []);
  }
  add(values: (string | null)[]): void {
    for (const [i, value] of values.entries()) this.columns[i]?.push(value);
  }
  get size(): number {
    return this.columns[0]?.length ?? 0;
  }
  column(i: number): (string | null)[] {
    return this.columns[i] ?? [];
  }
}

async function insertPrompts(tx: Tx, projectId: string, rows: Rows): Promise<void> {
  if (rows.size === 0) return;
  const inserted = await tx.$executeRaw`
    INSERT INTO "Prompt" (id, "projectId", "externalId", text, meta)
    SELECT r.id, ${projectId}, r."externalId", r.text, r.meta::jsonb
    FROM unnest(${rows.column(0)}::text[], ${rows.column(1)}::text[], ${rows.column(2)}::text[], ${rows.column(3)}::text[])
      AS r(id, "externalId", text, meta)
    ON CONFLICT DO NOTHING`;
  expectAll(inserted, rows.size, "prompts");
}

async function insertCandidates(tx: Tx, rows: Rows): Promise<void> {
  if (rows.size === 0) return;
  const inserted = await tx.$executeRaw`
    INSERT INTO "Candidate" (id, "promptId", "externalId", text, source, meta, board)
    SELECT r.id, r."promptId", r."externalId", r.text, r.source, r.meta::jsonb, r.board::jsonb
    FROM unnest(${rows.column(0)}::text[], ${rows.column(1)}::text[], ${rows.column(2)}::text[],
                ${rows.column(3)}::text[], ${rows.column(4)}::text[], ${rows.column(5)}::text[],
                ${rows.column(6)}::text[])
      AS r(id, "promptId", "externalId", text, source, meta, board)
    ON CONFLICT DO NOTHING`;
  expectAll(inserted, rows.size, "candidates");
}

async function insertPairs(
  tx: Tx,
  project: ImportProject,
  pairs: { promptId: string; pair: PlannedPair }[],
  random: () => number,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const ids = pairs.map(() => randomUUID());
  const promptIds = pairs.map((p) => p.promptId);
  const aIds = pairs.map((p) => p.pair.a);
  const bIds = pairs.map((p) => p.pair.b);
  const goldAnswers = pairs.map((p) => p.pair.gold);
  // Gold pairs are served outside the k accounting (lib/assign/claim.ts), so they have no slots.
  const openSlots = pairs.map((p) => (p.pair.gold === null ? project.k : 0));
  const keys = pairs.map(() => shuffleKey(random));
  return tx.$executeRaw`
    INSERT INTO "Pair" (id, "projectId", "promptId", "candidateAId", "candidateBId", "isGold", "goldAnswer",
                        "judgmentCount", "openSlots", "shuffleKey")
    SELECT r.id, ${project.id}, r."promptId", r.a, r.b, r.gold IS NOT NULL, r.gold::"Choice", 0, r.slots, r.key
    FROM unnest(${ids}::text[], ${promptIds}::text[], ${aIds}::text[], ${bIds}::text[], ${goldAnswers}::text[],
                ${openSlots}::int[], ${keys}::int[])
      AS r(id, "promptId", a, b, gold, slots, key)
    ON CONFLICT DO NOTHING`;
}

// The project lock makes a conflict impossible; if one happens anyway, ids planned for pairs would
// point at rows that do not exist, so stop (the transaction rolls back) rather than guess.
function expectAll(inserted: number, expected: number, what: string): void {
  if (inserted !== expected) {
    throw new Error(
      `Import conflict: ${expected - inserted} of ${expected} ${what} already existed; nothing was imported. Try again.`,
    );
  }
}
