import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../lib/net/free-port";
import { until } from "./rm-fixtures";

// `npm start` from an empty data folder, used a little (sign-ins, a bad request), then stopped:
// the database password, the session secret and a session token may appear in the one-time
// banner only, never in any other line the web server, the worker or the starter print.

const ROOT = path.resolve(import.meta.dirname, "../..");
const END_OF_BANNER = "  Press Ctrl-C to stop.";
let child: ChildProcess | undefined;
let dir: string | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The banner block: from "Vibecheck is running at" to "Press Ctrl-C to stop." */
function withoutBanner(output: string): { banner: string; rest: string } {
  const start = output.indexOf("  Vibecheck is running at");
  const end = output.indexOf(END_OF_BANNER, start);
  if (start < 0 || end < 0) return { banner: "", rest: output };
  return { banner: output.slice(start, end), rest: output.slice(0, start) + output.slice(end) };
}

async function signIn(base: string, email: string, password: string): Promise<string | undefined> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return session?.split(";")[0]?.split("=")[1];
}

describe("npm start's logs", () => {
  it("hold no database password, session secret or session token outside the banner", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-logs-"));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, VIBECHECK_DATA_DIR: dir, PORT: String(port), HOST: "127.0.0.1" };
    delete env.DATABASE_URL;
    delete env.NEXTAUTH_SECRET;
    delete env.NEXTAUTH_URL;
    let output = "";
    const started = spawn(process.execPath, ["--import", "tsx", "bin/start.ts"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    started.stdout?.on("data", keep);
    started.stderr?.on("data", keep);
    await until(
      "the banner",
      async () => {
        if (started.exitCode !== null) throw new Error(`npm start exited (${started.exitCode}):\n${output}`);
        return output.includes(END_OF_BANNER);
      },
      600_000,
    );

    const base = `http://127.0.0.1:${port}`;
    expect(await signIn(base, "admin@vibecheck.local", "not-the-password")).toBeUndefined();
    const token = await signIn(base, "admin@vibecheck.local", "vibecheck-demo");
    expect(token).toBeTruthy();
    const cookie = `next-auth.session-token=${token}`;
    expect((await fetch(`${base}/api/projects`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${base}/`, { headers: { cookie } })).status).toBe(200);
    const bad = await fetch(`${base}/api/projects/nope/judgments`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    // A server fault's log line: a request with a session for an account that does not exist.
    await fetch(`${base}/api/projects`, { headers: { cookie: `next-auth.session-token=${token}x` } });

    started.kill("SIGINT");
    await new Promise((resolve) => started.once("exit", resolve));

    const password = (await readFile(path.join(dir, "pg-password"), "utf8")).trim();
    const secret = (await readFile(path.join(dir, "nextauth-secret"), "utf8")).trim();
    const { banner, rest } = withoutBanner(output);
    expect(banner).toContain(encodeURIComponent(password));
    for (const [name, value] of [
      ["database password", password],
      ["database password (URL-encoded)", encodeURIComponent(password)],
      ["session secret", secret],
      ["session token", token as string],
    ] as const) {
      expect(rest.includes(value), `${name} in a log line:\n${rest}`).toBe(false);
    }
    expect(banner).not.toContain(secret);
  }, 900_000);
});
