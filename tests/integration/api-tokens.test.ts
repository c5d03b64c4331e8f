import { createHash, randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetAccount } from "../../lib/auth/account";
import { db, disconnect, type Role } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// API tokens end to end through the route handlers: created from a browser session, shown once,
// stored hashed, scoped per route, refused plainly when revoked or expired, limited per token.

const RATE = 25;
const FAILURES = 8;
const routes = {
  tokens: import("../../app/api/tokens/route"),
  token: import("../../app/api/tokens/[tokenId]/route"),
  export: import("../../app/api/projects/[slug]/export/route"),
  score: import("../../app/api/rm/score/route"),
  models: import("../../app/api/projects/[slug]/models/route"),
  onnx: import("../../app/api/projects/[slug]/models/[version]/onnx/route"),
  stats: import("../../app/api/projects/[slug]/stats/route"),
};
type Module = Promise<Record<string, unknown>>;
type Who = { cookie?: string; bearer?: string; address?: string };

let project: Project;
let ml: { id: string; role: Role; email: string | null };

async function userWith(role: Role) {
  return db().user.create({
    data: { email: `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.local`, role },
  });
}

async function cookieOf(user: { id: string; role: Role }): Promise<Who> {
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    token: { uid: user.id, role: user.role, email: `${user.id}@test.local` },
  });
  return { cookie: `next-auth.session-token=${token}` };
}

async function call(
  module: Module,
  method: string,
  url: string,
  who: Who,
  options: { params?: Record<string, string>; body?: unknown } = {},
): Promise<Response> {
  const handler = (await module)[method] as (req: NextRequest, ctx: unknown) => Promise<Response>;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.bearer) headers.authorization = `Bearer ${who.bearer}`;
  if (who.address) headers["x-forwarded-for"] = who.address;
  const req = new NextRequest(`http://localhost${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(req, { params: Promise.resolve(options.params ?? {}) });
}

type Created = { id: string; token: string; prefix: string; scopes: string[] };

async function createToken(owner: Who, scopes: string[], name = "script"): Promise<Created> {
  const response = await call(routes.tokens, "POST", "/api/tokens", owner, {
    body: { name, scopes, expiresInDays: 30 },
  });
  expect(response.status).toBe(200);
  return response.json();
}

const exportAs = (who: Who) =>
  call(routes.export, "GET", `/api/projects/${project.slug}/export`, who, { params: { slug: project.slug } });

async function refusal(response: Response) {
  return {
    status: response.status,
    ...((await response.json()) as { error: { code: string; message: string } }).error,
  };
}

beforeAll(async () => {
  process.env.RATE_API_TOKEN_PER_MINUTE = String(RATE);
  process.env.RATE_API_TOKEN_FAILURES = String(FAILURES);
  await useFreshDatabase();
  project = await fixtures.makeLearnableProject({ prompts: 6, candidates: 3, retrainEvery: 1_000 });
  await fixtures.addJudgments(project, await fixtures.makeLabelers(project, 2));
  ml = await userWith("ML");
});

afterAll(async () => {
  await disconnect();
});

describe("creating, listing and revoking tokens", () => {
  it("shows the secret once and stores only its SHA-256", async () => {
    const created = await createToken(await cookieOf(ml), ["export:read"]);
    expect(created.token).toMatch(/^vck_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 8));
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    // Not the token, nor its random part, anywhere in the stored row.
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.token.slice(4));
    const listed = await (await call(routes.tokens, "GET", "/api/tokens", await cookieOf(ml))).json();
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(4));
    expect(listed.tokens.map((t: { id: string }) => t.id)).toContain(created.id);
  });

  it.each(["LABELER", "LEAD"] as const)("refuses a %s: only ML engineers and admins create tokens", async (role) => {
    const who = await cookieOf(await userWith(role));
    const response = await call(routes.tokens, "POST", "/api/tokens", who, {
      body: { name: "x", scopes: ["score"], expiresInDays: 1 },
    });
    expect(response.status).toBe(403);
    expect(await db().apiToken.count({ where: { name: "x" } })).toBe(0);
  });

  it("never grants more than the owner's role: import:write is for admins", async () => {
    const response = await call(routes.tokens, "POST", "/api/tokens", await cookieOf(ml), {
      body: { name: "importer", scopes: ["import:write"], expiresInDays: 1 },
    });
    expect(await refusal(response)).toMatchObject({ status: 403, message: expect.stringContaining("import:write") });
    const admin = await cookieOf(await userWith("ADMIN"));
    expect((await createToken(admin, ["import:write"])).scopes).toEqual(["import:write"]);
  });

  it("lets owners revoke their own, admins anyone's, and hides others' tokens from an ML engineer", async () => {
    const mine = await createToken(await cookieOf(ml), ["score"]);
    const other = await cookieOf(await userWith("ML"));
    const params = { tokenId: mine.id };
    expect((await call(routes.token, "DELETE", `/api/tokens/${mine.id}`, other, { params })).status).toBe(404);
    const otherList = await (await call(routes.tokens, "GET", "/api/tokens", other)).json();
    expect(otherList.tokens).toEqual([]);
    const admin = await cookieOf(await userWith("ADMIN"));
    const adminList = await (await call(routes.tokens, "GET", "/api/tokens", admin)).json();
    expect(adminList.tokens.map((t: { id: string }) => t.id)).toContain(mine.id);
    const revoked = await call(routes.token, "DELETE", `/api/tokens/${mine.id}`, admin, { params });
    expect((await revoked.json()).revokedAt).toEqual(expect.any(String));
  });

  it("cannot be managed with a token: a leaked token mints no others", async () => {
    const token = await createToken(await cookieOf(ml), ["export:read", "score", "models:read"]);
    const response = await call(
      routes.tokens,
      "POST",
      "/api/tokens",
      { bearer: token.token },
      {
        body: { name: "more", scopes: ["score"], expiresInDays: 1 },
      },
    );
    expect(await refusal(response)).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});

describe("calling the API with a token", () => {
  it("answers 200 on a route of the token's scope, 403 on another scope or a browser-only route", async () => {
    const token = await createToken(await cookieOf(ml), ["export:read"]);
    const bearer = { bearer: token.token };
    const exported = await exportAs(bearer);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("application/x-ndjson");
    expect((await exported.text()).trim().split("\n").length).toBeGreaterThan(0);

    const score = await call(routes.score, "POST", "/api/rm/score", bearer, {
      body: { project: project.slug, candidates: [{ text: "x" }] },
    });
    expect(await refusal(score)).toMatchObject({ status: 403, message: expect.stringContaining('"score" scope') });
    const stats = await call(routes.stats, "GET", `/api/projects/${project.slug}/stats`, bearer, {
      params: { slug: project.slug },
    });
    expect(await refusal(stats)).toMatchObject({ status: 403, message: expect.stringContaining("browser") });
  });

  it("scores (version current and a number) and downloads the model with the score and models:read scopes", async () => {
    const trained = await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 12 }, log: () => {} });
    expect(trained).toMatchObject({ version: 1 });
    const serving = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    if (!serving.currentModelId) await promoteVersion(project, 1, ml);
    const token = await createToken(await cookieOf(ml), ["score", "models:read"]);
    const bearer = { bearer: token.token };
    for (const version of ["current", 1] as const) {
      const response = await call(routes.score, "POST", "/api/rm/score", bearer, {
        body: { project: project.slug, candidates: [{ text: "clear vivid" }, { text: "vague dull" }], version },
      });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ project: project.slug, version: 1 });
      // The answer is what the API reference says it is.
      const declared = ((await routes.score).POST as { declared: { response?: { parse: (v: unknown) => unknown } } })
        .declared;
      expect(declared.response?.parse(body)).toEqual(body);
    }
    const slug = project.slug;
    const onnx = await call(routes.onnx, "GET", `/api/projects/${slug}/models/current/onnx`, bearer, {
      params: { slug, version: "current" },
    });
    expect(onnx.status).toBe(200);
    expect((await onnx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const list = await call(routes.models, "GET", `/api/projects/${slug}/models`, bearer, { params: { slug } });
    expect(list.status).toBe(200);
    expect(await exportAs(bearer).then((r) => r.status)).toBe(403);
  });

  it("answers 401 with a plain message to a revoked, an expired, an unknown token and a session JWT", async () => {
    const owner = await cookieOf(ml);
    const revoked = await createToken(owner, ["export:read"]);
    expect((await exportAs({ bearer: revoked.token })).status).toBe(200);
    await call(routes.token, "DELETE", `/api/tokens/${revoked.id}`, owner, { params: { tokenId: revoked.id } });
    expect(await refusal(await exportAs({ bearer: revoked.token }))).toMatchObject({
      status: 401,
      code: "UNAUTHORIZED",
      message: expect.stringContaining("revoked"),
    });

    const expired = await createToken(owner, ["export:read"]);
    await db().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusal(await exportAs({ bearer: expired.token }))).toMatchObject({
      status: 401,
      message: expect.stringContaining("expired"),
    });

    const unknown = `vck_${randomBytes(32).toString("base64url")}`;
    expect(await refusal(await exportAs({ bearer: unknown }))).toMatchObject({
      status: 401,
      message: expect.stringContaining("not valid"),
    });

    // The decision: a bearer credential is an API token, never the session cookie's JWT.
    const jwt = (owner.cookie as string).split("=")[1] as string;
    expect(await refusal(await exportAs({ bearer: jwt }))).toMatchObject({
      status: 401,
      message: expect.stringContaining("API token"),
    });
    expect((await exportAs(owner)).status).toBe(200);
  });

  it("stops working when the owner is deactivated, and loses routes the owner's new role does not allow", async () => {
    const owner = await userWith("ML");
    const token = await createToken(await cookieOf(owner), ["export:read"]);
    expect((await exportAs({ bearer: token.token })).status).toBe(200);
    await db().user.update({ where: { id: owner.id }, data: { role: "LEAD" } });
    forgetAccount(owner.id);
    expect((await exportAs({ bearer: token.token })).status).toBe(403);
    await db().user.update({ where: { id: owner.id }, data: { role: "ML", deactivatedAt: new Date() } });
    forgetAccount(owner.id);
    expect(await refusal(await exportAs({ bearer: token.token }))).toMatchObject({
      status: 401,
      message: expect.stringContaining("deactivated"),
    });
  });

  it("records the last use, written at most once a minute", async () => {
    const token = await createToken(await cookieOf(ml), ["export:read"]);
    const lastUsed = async () => (await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await exportAs({ bearer: token.token });
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await exportAs({ bearer: token.token });
    expect(await lastUsed()).toEqual(first);
    // Over a minute ago: the next call writes again.
    const old = new Date(Date.now() - 61_000);
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: old } });
    await exportAs({ bearer: token.token });
    expect((await lastUsed())?.getTime()).toBeGreaterThan(old.getTime());
  });

  it("limits each token to RATE_API_TOKEN_PER_MINUTE calls: 429 with Retry-After, other tokens unaffected", async () => {
    const busy = await createToken(await cookieOf(ml), ["export:read"]);
    const statuses: number[] = [];
    for (let i = 0; i < RATE; i++) statuses.push((await exportAs({ bearer: busy.token })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await exportAs({ bearer: busy.token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const calm = await createToken(await cookieOf(ml), ["export:read"]);
    expect((await exportAs({ bearer: calm.token })).status).toBe(200);
  });

  it("limits failed lookups per client address: RATE_API_TOKEN_FAILURES 401s, then 429 with Retry-After for that address only", async () => {
    const good = await createToken(await cookieOf(ml), ["export:read"]);
    const guesser = "203.0.113.7";
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES; i++) {
      const guess = `vck_${randomBytes(32).toString("base64url")}`;
      statuses.push((await exportAs({ bearer: guess, address: guesser })).status);
    }
    expect(statuses).toEqual(Array(FAILURES).fill(401));
    const limited = await exportAs({ bearer: `vck_${randomBytes(32).toString("base64url")}`, address: guesser });
    expect(await refusal(limited.clone())).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // The address is refused before any lookup, even with a valid token, until its window ends.
    expect((await exportAs({ bearer: good.token, address: guesser })).status).toBe(429);
    // Other addresses are unaffected, failing or not; successes are never counted.
    expect((await exportAs({ bearer: "vck_wrong", address: "198.51.100.2" })).status).toBe(401);
    for (let i = 0; i < FAILURES + 2; i++) {
      expect((await exportAs({ bearer: good.token, address: "198.51.100.3" })).status).toBe(200);
    }
  });
});
