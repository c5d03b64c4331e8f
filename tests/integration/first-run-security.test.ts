import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect } from "../../lib/db";
import { type AppServer, startAppServer } from "../setup/app-server";
import { makeLabeler, makeProject } from "./fixtures";

// What a new user's server does at the edges: security headers on pages and API answers, and rate
// limits answered with 429 and Retry-After. Limits are lowered here so the test stays short.
let app: AppServer;

beforeAll(async () => {
  process.env.RATE_JUDGMENTS_PER_MINUTE = "3";
  app = await startAppServer();
});

afterAll(async () => {
  delete process.env.RATE_JUDGMENTS_PER_MINUTE;
  await disconnect();
  await app?.stop();
});

async function signIn(email: string, password: string): Promise<Response> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
}

describe("security headers", () => {
  it("gives a page a nonce policy that Next's own scripts carry, and no framing", async () => {
    const response = await fetch(`${app.url}/login`);
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("gives every page view a fresh nonce", async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => (await fetch(`${app.url}/login`)).headers.get("content-security-policy")),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("lets nothing load, run or be framed from an API answer", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});

describe("rate limits", () => {
  it("answers ten wrong passwords for an account, then 429 with Retry-After", async () => {
    for (let i = 0; i < 10; i++) {
      const response = await signIn("target@test.local", `wrong-${i}`);
      expect(response.status).not.toBe(429);
      await response.body?.cancel();
    }
    const refused = await signIn("target@test.local", "wrong-10");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");

    // The same address may still try another account: that limit is per account.
    const other = await signIn("someone-else@test.local", "wrong");
    expect(other.status).not.toBe(429);
  });

  it("limits judgment submissions per user", async () => {
    // A real labeler in a real project (the guard reads the account, and the project is opened
    // before the limit counts); the unknown assignment answers 404 until the limit answers 429.
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const labeler = await makeLabeler(project);
    const token = await encode({
      secret: process.env.NEXTAUTH_SECRET as string,
      token: { uid: labeler.id, role: "LABELER", email: labeler.email },
    });
    const submit = () =>
      fetch(`${app.url}/api/projects/${project.slug}/judgments`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `next-auth.session-token=${token}` },
        body: JSON.stringify({ clientId: randomUUID(), assignmentId: "a", choice: "A", durationMs: 900 }),
      });
    for (let i = 0; i < 3; i++) expect((await submit()).status).toBe(404);
    const refused = await submit();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
