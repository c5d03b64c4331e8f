import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type BenchFigure, type BenchSection, median } from "./report";

// The data browser at 1,000,000 judgments: a filtered, keyset-paged judgments page through
// lib/browse, next to the floor, a plain indexed `SELECT … LIMIT 50` of the same table through the
// same client. Rows are written with INSERT … SELECT over generate_series, not one by one.

const JUDGMENTS = Number(process.env.BENCH_DATA_JUDGMENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_DATA_RUNS ?? 21);
const PROMPTS = 50_000;
const PAIRS_PER_PROMPT = 6; // every pair of 4 candidates
const PAIRS = PROMPTS * PAIRS_PER_PROMPT;
const LABELERS = 200;
const PROJECT = "bench";
// Judgments spread over 30 days, two per timestamp so that the id breaks ties in the keyset.
const STEP_MS = Math.floor((30 * 86_400_000) / (JUDGMENTS / 2));

// `name` is what `npm run bench -- browser` selects by (the intersection keeps this file valid
// before and after bench sections got short names).
export const dataBrowserBench: BenchSection = {
  name: "browser",
  title: "Data browser: a filtered judgments page at 1,000,000 judgments",
  run: () =>
    withSeededDatabase("data", async ({ db }) => {
      const browse = await import("../../lib/browse");
      const project = { id: PROJECT };
      const time = async (fn: () => Promise<unknown>) => {
        const started = performance.now();
        await fn();
        return performance.now() - started;
      };
      /** Medians of `measure` and `floor`, timed in turns so that load on the machine hits both alike. */
      const paired = async (measure: () => Promise<unknown>, floor: () => Promise<unknown>) => {
        for (let i = 0; i < 3; i++) await Promise.all([measure(), floor()]);
        const values: number[] = [];
        const floors: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          values.push(await time(measure));
          floors.push(await time(floor));
        }
        return { value: median(values), baseline: median(floors) };
      };
      const judgmentFloor = () =>
        db().$queryRaw`SELECT * FROM "Judgment" WHERE "projectId" = ${PROJECT} ORDER BY "createdAt" DESC LIMIT 50`;
      const promptFloor = () =>
        db().$queryRaw`SELECT * FROM "Prompt" WHERE "projectId" = ${PROJECT} ORDER BY "createdAt", id LIMIT 50`;
      /** The filters of the second page: the first page's cursor, as its "Older judgments" link carries it. */
      const secondPage = async (params: Record<string, string>) => {
        const { filters } = browse.readJudgmentFilters(params);
        const first = await browse.judgmentsPage(project, filters);
        if (!first.next) throw new Error(`bench filters ${JSON.stringify(params)} match a single page only`);
        const after = browse.decodeCursor(first.next) ?? undefined;
        const second = await browse.judgmentsPage(project, { ...filters, after });
        if (second.judgments.length === 0) throw new Error("the second page is empty");
        return { ...filters, after };
      };
      const cases: [string, Record<string, string>][] = [
        [
          "labeler + has rationale + 10 days",
          { labeler: "labeler-7@bench.local", rationale: "with", from: "2026-10-08", to: "2026-10-17" },
        ],
        ["no filter", {}],
        ["choice TIE + gold only (1 in 160)", { choice: "TIE", gold: "only" }],
      ];
      const figures: BenchFigure[] = [];
      for (const [name, params] of cases) {
        const filters = await secondPage(params);
        figures.push({
          name: `judgments page 2, ${name}`,
          unit: "ms",
          baselineName: 'SELECT * FROM "Judgment" WHERE "projectId" = $1 ORDER BY "createdAt" DESC LIMIT 50',
          ...(await paired(() => browse.judgmentsPage(project, filters), judgmentFloor)),
        });
      }
      figures.push({
        name: `prompt search inside the text (${PROMPTS.toLocaleString("en-US")} prompts, pg_trgm)`,
        unit: "ms",
        baselineName: 'SELECT * FROM "Prompt" WHERE "projectId" = $1 ORDER BY "createdAt", id LIMIT 50',
        ...(await paired(() => browse.promptsPage(project, { search: "number 4999" }), promptFloor)),
      });
      return figures;
    }),
};

/**
 * One project: 50,000 prompts of 4 candidates and their 6 pairs each (every 20th pair gold),
 * 200 labelers, and JUDGMENTS judgments (one assignment each) spread evenly over labelers and pairs,
 * each pair judged by different labelers; a quarter of the judgments have a rationale.
 */
export async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Bulk rows that satisfy every foreign key by construction: skip the per-row trigger checks.
    await client.query("SET session_replication_role = replica");
    await client.query(
      `INSERT INTO "Project" (id, slug, name, k, "inviteCode") VALUES ($1, $1, 'Bench', 4, 'bench-invite')`,
      [PROJECT],
    );
    await client.query(
      `INSERT INTO "User" (id, email, role) SELECT 'u' || i, 'labeler-' || i || '@bench.local', 'LABELER'
       FROM generate_series(0, $1 - 1) i`,
      [LABELERS],
    );
    await client.query(
      `INSERT INTO "Membership" ("projectId", "userId", "completionCode")
       SELECT $1, 'u' || i, 'X' FROM generate_series(0, $2 - 1) i`,
      [PROJECT, LABELERS],
    );
    await client.query(
      `INSERT INTO "Prompt" (id, "projectId", "externalId", text, "createdAt")
       SELECT 'p' || i, $1, 'prompt-' || i, 'Write a short poem about the number ' || i || ', in the style of a sea shanty.',
              timestamp '2026-09-01' + i * interval '1 second'
       FROM generate_series(0, $2 - 1) i`,
      [PROJECT, PROMPTS],
    );
    await client.query(
      `INSERT INTO "Candidate" (id, "promptId", "externalId", text, source)
       SELECT 'p' || i || 'c' || c, 'p' || i, 'c' || c,
              'A candidate poem number ' || c || ' about the number ' || i || '. Waves and ropes and salt.', 'model-' || c
       FROM generate_series(0, $1 - 1) i, generate_series(1, 4) c`,
      [PROMPTS],
    );
    // Pair q is pair q % 6 of prompt q / 6: candidates (1,2) (1,3) (1,4) (2,3) (2,4) (3,4).
    await client.query(
      `INSERT INTO "Pair" (id, "projectId", "promptId", "candidateAId", "candidateBId", "isGold", "goldAnswer",
                           "judgmentCount", "openSlots", "shuffleKey")
       SELECT 'q' || q, $1, 'p' || (q / 6), 'p' || (q / 6) || 'c' || (ARRAY[1,1,1,2,2,3])[q % 6 + 1],
              'p' || (q / 6) || 'c' || (ARRAY[2,3,4,3,4,4])[q % 6 + 1], q % 20 = 0,
              CASE WHEN q % 20 = 0 THEN 'A'::"Choice" END, 0, 0, q
       FROM generate_series(0, $2 - 1) q`,
      [PROJECT, PAIRS],
    );
    // Judgment i: pair i % PAIRS, labeler (i / PAIRS + pair) % LABELERS — distinct labelers per pair.
    // h, a hash of i, draws choice, left side and rationale independently of the labeler.
    const rows = `FROM (SELECT i, i % ${PAIRS} AS q, hashint4(i) AS h FROM generate_series(0, ${JUDGMENTS - 1}) i) s`;
    const user = `'u' || ((i / ${PAIRS} + q) % ${LABELERS})`;
    const left = `'p' || (q / 6) || 'c' || (CASE WHEN h & 8 = 0 THEN (ARRAY[1,1,1,2,2,3]) ELSE (ARRAY[2,3,4,3,4,4]) END)[q % 6 + 1]`;
    const at = `timestamp '2026-10-01' + (i / 2) * interval '${STEP_MS} milliseconds'`;
    await client.query(
      `INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "createdAt", "expiresAt")
       SELECT 'a' || i, $1, 'q' || q, ${user}, ${left}, 'DONE', ${at}, ${at} + interval '10 minutes' ${rows}`,
      [PROJECT],
    );
    await client.query(
      `INSERT INTO "Judgment" (id, "clientId", "projectId", "pairId", "userId", "assignmentId", choice, strength,
                               rationale, "leftCandidateId", "durationMs", "createdAt")
       SELECT md5(i::text), 'c' || i, $1, 'q' || q, ${user}, 'a' || i,
              (ARRAY['A', 'B', 'A', 'B', 'A', 'B', 'TIE', 'BOTH_BAD'])[(h & 7) + 1]::"Choice", NULL,
              CASE WHEN (h >> 4) & 7 < 2 THEN 'The rhythm of the left one is steadier; line ' || i % 97 || ' rhymes.' END,
              ${left}, 800 + abs(h % 9000), ${at} ${rows}`,
      [PROJECT],
    );
    await client.query(
      `UPDATE "Pair" p SET "judgmentCount" = n FROM (SELECT "pairId", count(*)::int n FROM "Judgment" GROUP BY 1) c
       WHERE p.id = c."pairId"`,
    );
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

type Db = typeof import("../../lib/db").db;

/**
 * The 1,000,000-judgment bench project (tests/bench/data-browser.ts's `seed`) in a throwaway
 * embedded PostgreSQL, for one bench section: started, migrated and seeded, handed to `measure`,
 * then stopped and removed whatever happens. Each section runs in a process of its own, so setting
 * DATABASE_URL before lib/db's first use points it there.
 */
export async function withSeededDatabase<T>(
  name: string,
  measure: (database: { db: Db; url: string }) => Promise<T>,
): Promise<T> {
  const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
  const { migrateDeploy } = await import("../../lib/db/migrate");
  const dir = await mkdtemp(path.join(os.tmpdir(), `vibecheck-bench-${name}-`));
  const database = await startEmbeddedPostgres({ dir, ephemeral: true });
  process.env.DATABASE_URL = database.url;
  const { db, disconnect } = await import("../../lib/db");
  try {
    await migrateDeploy(database.url);
    const seeded = performance.now();
    await seed(database.url);
    console.log(
      `  (seeded ${JUDGMENTS.toLocaleString("en-US")} judgments in ${((performance.now() - seeded) / 1000).toFixed(0)} s)`,
    );
    return await measure({ db, url: database.url });
  } finally {
    await disconnect();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
