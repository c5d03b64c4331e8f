import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrateDeploy } from "../../lib/db/migrate";
import { type BenchFigure, medianOf } from "./report";
import { benchJudgments } from "./rm-data";

const LABELERS = 8;
const CHUNK = 10_000;

/**
 * A whole retrain job against PostgreSQL (snapshot read, training, held-out metrics and learning
 * curve, ONNX export, scoring every candidate through onnxruntime, the one-transaction switch) on
 * 100,000 judgments, next to the in-memory part of it (train + evaluate on the same snapshot).
 * Both are medians of `runs` runs; each job run makes a new version of the same project.
 */
export async function retrainFromDatabase(runs: number): Promise<BenchFigure> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-bench-rm-"));
  const database = await startEmbeddedPostgres({ dir, ephemeral: true });
  try {
    await migrateDeploy(database.url);
    const { projectId, judgments } = await seed(database.url);
    // lib/db reads DATABASE_URL on first use; nothing before this section touched it.
    process.env.DATABASE_URL = database.url;
    const [{ retrainProject }, { loadTrainingSnapshot }, { trainAndEvaluate }, { disconnect }] = await Promise.all([
      import("../../lib/rm/service/retrain"),
      import("../../lib/rm/service/snapshot"),
      import("../../lib/rm/eval/train-and-evaluate"),
      import("../../lib/db"),
    ]);
    try {
      const endToEnd = await medianOf(runs, async () => {
        const started = performance.now();
        const outcome = await retrainProject(projectId, { log: () => {} });
        if (outcome.status !== "trained") throw new Error(`retrain did not train: ${outcome.status}`);
        return (performance.now() - started) / 1000;
      });
      const snapshot = await loadTrainingSnapshot({ id: projectId, kind: "TEXT" });
      const inMemory = await medianOf(runs, () => {
        const started = performance.now();
        trainAndEvaluate(snapshot);
        return (performance.now() - started) / 1000;
      });
      return {
        name: `retrain job end to end from PostgreSQL (${judgments.toLocaleString("en-US")} judgments, ${snapshot.candidates.length.toLocaleString("en-US")} candidates scored)`,
        value: endToEnd,
        unit: "s",
        baselineName: "train + held-out metrics + learning curve in memory",
        baseline: inMemory,
      };
    } finally {
      await disconnect();
    }
  } finally {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The bench's synthetic 100k judgments as a project: prompts, candidates, pairs, labelers, judgments. */
async function seed(url: string): Promise<{ projectId: string; judgments: number }> {
  const { comparisons } = benchJudgments();
  const projectId = randomUUID();
  const labelers = Array.from({ length: LABELERS }, () => randomUUID());
  const prompts = new Map<string, string>();
  const candidates = new Map<string, { id: string; promptId: string; text: string }>();
  const pairs = new Map<string, { id: string; promptId: string; a: string; b: string; judged: number }>();
  const judgments: { pairId: string; userId: string; choice: string; left: string }[] = [];
  const candidateOf = (promptId: string, text: string) => {
    const key = `${promptId}\u0000${text}`;
    let c = candidates.get(key);
    if (!c) {
      c = { id: randomUUID(), promptId, text };
      candidates.set(key, c);
    }
    return c;
  };
  for (const c of comparisons) {
    let promptId = prompts.get(c.prompt);
    if (!promptId) {
      promptId = randomUUID();
      prompts.set(c.prompt, promptId);
    }
    const chosen = candidateOf(promptId, c.chosen);
    const rejected = candidateOf(promptId, c.rejected);
    const [a, b] = chosen.id < rejected.id ? [chosen, rejected] : [rejected, chosen];
    const key = `${a.id}${b.id}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { id: randomUUID(), promptId, a: a.id, b: b.id, judged: 0 };
      pairs.set(key, pair);
    }
    // One judgment per labeler and pair, as the schema requires; the rare ninth vote is dropped.
    if (pair.judged >= LABELERS) continue;
    const userId = labelers[pair.judged++] as string;
    judgments.push({ pairId: pair.id, userId, choice: c.tie ? "TIE" : chosen === a ? "A" : "B", left: a.id });
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Project" (id, slug, name, "inviteCode") VALUES ($1, 'bench-rm', 'Bench', $2)`, [
      projectId,
      randomUUID(),
    ]);
    await client.query(`INSERT INTO "User" (id, email) SELECT id, id || '@bench.local' FROM unnest($1::text[]) AS id`, [
      labelers,
    ]);
    await client.query(
      `INSERT INTO "Membership" ("projectId", "userId", "completionCode") SELECT $1, id, id FROM unnest($2::text[]) AS id`,
      [projectId, labelers],
    );
    const insert = async (sql: string, columns: unknown[][]) => {
      const rows = columns[0]?.length ?? 0;
      for (let from = 0; from < rows; from += CHUNK) {
        await client.query(
          sql,
          columns.map((column) => column.slice(from, from + CHUNK)),
        );
      }
    };
    const promptRows = [...prompts];
    await insert(
      `INSERT INTO "Prompt" (id, "projectId", "externalId", text)
       SELECT id, '${projectId}', id, text FROM unnest($1::text[], $2::text[]) AS t(id, text)`,
      [promptRows.map(([, id]) => id), promptRows.map(([text]) => text)],
    );
    const candidateRows = [...candidates.values()];
    await insert(
      `INSERT INTO "Candidate" (id, "promptId", "externalId", text, source)
       SELECT id, "promptId", id, text, 'bench' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, "promptId", text)`,
      [candidateRows.map((c) => c.id), candidateRows.map((c) => c.promptId), candidateRows.map((c) => c.text)],
    );
    const pairRows = [...pairs.values()];
    await insert(
      `INSERT INTO "Pair" (id, "projectId", "promptId", "candidateAId", "candidateBId", "openSlots", "shuffleKey", "judgmentCount")
       SELECT id, '${projectId}', "promptId", a, b, 0, 0, n FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS t(id, "promptId", a, b, n)`,
      [
        pairRows.map((p) => p.id),
        pairRows.map((p) => p.promptId),
        pairRows.map((p) => p.a),
        pairRows.map((p) => p.b),
        pairRows.map((p) => p.judged),
      ],
    );
    const assignmentIds = judgments.map(() => randomUUID());
    await insert(
      `INSERT INTO "Assignment" (id, "projectId", "pairId", "userId", "leftCandidateId", status, "expiresAt")
       SELECT id, '${projectId}', "pairId", "userId", "left", 'DONE', now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, "pairId", "userId", "left")`,
      [assignmentIds, judgments.map((j) => j.pairId), judgments.map((j) => j.userId), judgments.map((j) => j.left)],
    );
    await insert(
      `INSERT INTO "Judgment" (id, "clientId", "projectId", "pairId", "userId", "assignmentId", choice, "leftCandidateId", "durationMs")
       SELECT gen_random_uuid()::text, gen_random_uuid()::text, '${projectId}', "pairId", "userId", a, choice::"Choice", "left", 1000
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t("pairId", "userId", a, choice, "left")`,
      [
        judgments.map((j) => j.pairId),
        judgments.map((j) => j.userId),
        assignmentIds,
        judgments.map((j) => j.choice),
        judgments.map((j) => j.left),
      ],
    );
  } finally {
    await client.end();
  }
  return { projectId, judgments: judgments.length };
}
