import { type ChildProcess, spawn } from "node:child_process";
import { encode } from "next-auth/jwt";
import pg from "pg";

export type LabelingSeed = {
  slug: string;
  /** Prompts, each with 4 candidates and so 6 pairs. */
  prompts: number;
  labelers: number;
  /** Judgments each pair takes. */
  k: number;
};

/**
 * A text project written straight into the database (fast, for thousands of pairs), with LABELER
 * members, and a signed session cookie for each: what load runs need, without signing in.
 */
export async function seedLabelingProject(url: string, secret: string, seed: LabelingSeed): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const projectId = seed.slug;
  await client.query(
    `INSERT INTO "Project" (id, slug, name, k, "goldRate", "inviteCode") VALUES ($1, $1, $1, $2, 0, $1 || '-invite')`,
    [projectId, seed.k],
  );
  await client.query(
    `INSERT INTO "Prompt" (id, "projectId", "externalId", text)
     SELECT $2 || 'p' || i, $2, 'p' || i, 'Write a poem about the number ' || i FROM generate_series(1, $1) i`,
    [seed.prompts, projectId],
  );
  await client.query(
    `INSERT INTO "Candidate" (id, "promptId", "externalId", text, source)
     SELECT $2 || 'p' || i || 'c' || c, $2 || 'p' || i, 'c' || c, 'A candidate poem, number ' || c, 'model-' || c
     FROM generate_series(1, $1) i, generate_series(1, 4) c`,
    [seed.prompts, projectId],
  );
  await client.query(
    `INSERT INTO "Pair" (id, "projectId", "promptId", "candidateAId", "candidateBId", "openSlots", "shuffleKey")
     SELECT gen_random_uuid()::text, $2, $2 || 'p' || i, $2 || 'p' || i || 'c' || a, $2 || 'p' || i || 'c' || b, $3,
            floor(random() * 2147483647)::int
     FROM generate_series(1, $1) i, generate_series(1, 4) a, generate_series(1, 4) b WHERE a < b`,
    [seed.prompts, projectId, seed.k],
  );
  const cookies = [];
  for (let i = 0; i < seed.labelers; i++) {
    const id = `${projectId}-labeler-${i}`;
    const email = `${id}@load.local`;
    await client.query(`INSERT INTO "User" (id, email, role) VALUES ($1, $2, 'LABELER')`, [id, email]);
    await client.query(`INSERT INTO "Membership" ("projectId", "userId", "completionCode") VALUES ($1, $2, 'X')`, [
      projectId,
      id,
    ]);
    const token = await encode({ secret, token: { uid: id, role: "LABELER", email } });
    cookies.push(`next-auth.session-token=${token}`);
  }
  await client.query("VACUUM ANALYZE");
  await client.end();
  return cookies;
}

/**
 * `next start` of the build in .next on `port`, resolved once it answers. `extraEnv` overrides the
 * environment (rate limits for load runs). Its output goes to `output` when given, else nowhere.
 */
export async function startNextServer(
  port: number,
  databaseUrl: string,
  secret: string,
  { extraEnv = {}, output }: { extraEnv?: Record<string, string>; output?: (chunk: string) => void } = {},
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const forward = (chunk: Buffer) => output?.(chunk.toString("utf8"));
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/login`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error("the app did not start within 60 s");
}
