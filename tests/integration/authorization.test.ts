import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "../../lib/auth/scopes";
import { createToken } from "../../lib/auth/tokens";
import { db, disconnect, type Role } from "../../lib/db";
import { addMember } from "../../lib/projects";
import { PROJECT_SECTIONS, sectionHref } from "../../lib/workspace/sections";
import { type AppServer, startAppServer } from "../setup/app-server";
import { METHODS, routeFiles, routes } from "./api-routes";
import { makeLabeler, makeProject } from "./fixtures";

// The policy, stated once: the only routes a labeler may call. Everything else is for leads,
// ML engineers or admins and must answer 403 to a labeler (and 401 to nobody signed in).
const PUBLIC = new Set([
  "POST /api/join",
  "GET /api/auth/x",
  "POST /api/auth/x",
  "GET /api/health",
  "GET /api/openapi.json",
]);
const LABELER_ALLOWED = new Set([
  "GET /api/projects",
  "GET /api/projects/x/next",
  "POST /api/projects/x/judgments",
  "POST /api/projects/x/demonstrations",
  // The labeler's controls on the compare screen: skip or report the pair on screen, undo the last judgment.
  "POST /api/projects/x/skips",
  "POST /api/projects/x/reports",
  "POST /api/projects/x/judgments/undo",
]);

// The only routes an API token may call, and the scope each needs (lib/auth/scopes.ts). Every other
// route is for browser sessions and answers 403 to any token, whatever its scopes.
const TOKEN_SCOPES = new Map([
  ["GET /api/projects/x/export", "export:read"],
  ["GET /api/projects/x/export/manifests", "export:read"],
  ["POST /api/projects/x/import", "import:write"],
  ["GET /api/projects/x/models", "models:read"],
  ["GET /api/projects/x/models/x/card", "models:read"],
  ["GET /api/projects/x/models/x/onnx", "models:read"],
  ["POST /api/rm/score", "score"],
]);

const isProjectRoute = (route: string) => /^\w+ \/api\/projects\/x\//.test(route);

/**
 * What each route under /api/projects/[slug] declares about who may open the project, read from
 * the handlers the modules export (projectRoute attaches it); undefined for a route that does not
 * go through projectRoute.
 */
async function projectAccess(): Promise<Map<string, unknown>> {
  const declared = new Map<string, unknown>();
  for (const { file, url } of routeFiles().filter((r) => r.url.startsWith("/api/projects/x/"))) {
    const module = (await import(file)) as Record<string, { access?: unknown } | undefined>;
    for (const method of METHODS) if (module[method]) declared.set(`${method} ${url}`, module[method].access);
  }
  return declared;
}

/** What each route declares about API tokens (apiRoute / projectRoute attach `scope`). */
async function tokenScopes(): Promise<Map<string, unknown>> {
  const declared = new Map<string, unknown>();
  for (const { file, url } of routeFiles()) {
    const module = (await import(file)) as Record<string, { scope?: unknown } | undefined>;
    for (const method of METHODS) if (module[method]) declared.set(`${method} ${url}`, module[method].scope);
  }
  return declared;
}

let app: AppServer;
let labelerCookie: string;
let adminCookie: string;
let adminToken: string;

async function sessionCookie(uid: string, role: Role): Promise<string> {
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    token: { uid, role, email: `${uid}@test.local` },
  });
  return `next-auth.session-token=${token}`;
}

beforeAll(async () => {
  // Every route gets an unknown bearer token from this one address below: more failed lookups than
  // the per-address limit allows (that limit has its own test in api-tokens.test.ts).
  process.env.RATE_API_TOKEN_FAILURES = "100000";
  app = await startAppServer();
  // The guard reads role and status from the account, so the cookies belong to real users.
  const [labeler, admin] = await Promise.all(
    (["LABELER", "ADMIN"] as const).map((role) =>
      db().user.create({ data: { email: `${role.toLowerCase()}-${randomUUID()}@test.local`, role } }),
    ),
  );
  labelerCookie = await sessionCookie(labeler?.id ?? "", "LABELER");
  adminCookie = await sessionCookie(admin?.id ?? "", "ADMIN");
  // An admin's token with every scope: what no token can reach, this one cannot either.
  const owner = { id: admin?.id ?? "", role: "ADMIN" as const, email: admin?.email ?? null };
  adminToken = (await createToken(owner, { name: "all scopes", scopes: [...SCOPES], expiresInDays: 1 })).token;
});

afterAll(async () => {
  await disconnect();
  await app?.stop();
});

/**
 * Calls a route as found on disk; `slug` fills the project's place in /api/projects/x/…, and a
 * credential starting with vck_ is sent as a bearer token instead of a cookie.
 */
function call(route: string, credential?: string, slug = "x") {
  const [method, url] = route.split(" ") as [string, string];
  const auth: Record<string, string> = {};
  if (credential?.startsWith("vck_")) auth.authorization = `Bearer ${credential}`;
  else if (credential) auth.cookie = credential;
  return fetch(`${app.url}${url.replace(/^\/api\/projects\/x\//, `/api/projects/${slug}/`)}`, {
    method,
    headers: { "content-type": "application/json", ...auth },
    body: method === "GET" ? undefined : "{}",
  });
}

describe("authorization on the server", () => {
  const all = routes();
  const staffOnly = all.filter((r) => !PUBLIC.has(r) && !LABELER_ALLOWED.has(r));

  it("finds the staff routes (the test would pass vacuously otherwise)", () => {
    expect(staffOnly).toEqual(
      expect.arrayContaining([
        "GET /api/admin/users",
        "POST /api/admin/users",
        "POST /api/projects",
        "GET /api/projects/x/stats",
        "GET /api/projects/x/export",
        "POST /api/projects/x/import",
        "POST /api/projects/x/labelers/x/actions",
        "DELETE /api/projects/x/members/x",
        "POST /api/projects/x/members",
        "POST /api/projects/x/invite",
        "GET /api/projects/x/completion-codes",
        "PATCH /api/admin/users/x",
        "POST /api/admin/users/x/password",
        "POST /api/projects/x/lab/bon",
        "POST /api/projects/x/lab/probes",
        "POST /api/projects/x/lab/optimize",
        "POST /api/projects/x/lab/send-probes",
      ]),
    );
  });

  it.each(staffOnly)("%s answers 403 to a labeler", async (route) => {
    const response = await call(route, labelerCookie);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("FORBIDDEN");
  });

  it.each(all.filter((r) => !PUBLIC.has(r)))("%s answers 401 to nobody signed in", async (route) => {
    expect((await call(route)).status).toBe(401);
  });

  it("has every project route declare who may open the project, as the policy says", async () => {
    const declared = await projectAccess();
    expect([...declared.keys()].sort()).toEqual(all.filter(isProjectRoute));
    for (const [route, access] of declared) {
      expect({ route, access }).toEqual({ route, access: LABELER_ALLOWED.has(route) ? "member" : "staff" });
    }
  });

  it("answers 403 to a labeler on the member routes of a project they did not join, not once they join", async () => {
    const memberRoutes = [...(await projectAccess())].filter(([, access]) => access === "member").map(([r]) => r);
    expect(memberRoutes.length).toBeGreaterThan(0);
    const own = await makeProject({ prompts: 1, candidates: 2 });
    const other = await makeProject({ prompts: 1, candidates: 2 });
    const labeler = await makeLabeler(own);
    const cookie = await sessionCookie(labeler.id, "LABELER");
    for (const route of memberRoutes) {
      const response = await call(route, cookie, other.slug);
      expect({ route, status: response.status, code: (await response.json()).error?.code }).toEqual({
        route,
        status: 403,
        code: "FORBIDDEN",
      });
    }
    await addMember(other.id, labeler.id);
    for (const route of memberRoutes) {
      expect({ route, status: (await call(route, cookie, other.slug)).status }).not.toEqual({ route, status: 403 });
    }
  });

  it("answers 404 NOT_FOUND on every project route of an unknown project", async () => {
    for (const route of all.filter(isProjectRoute)) {
      const response = await call(route, adminCookie, "no-such-project");
      expect({ route, status: response.status, code: (await response.json()).error?.code }).toEqual({
        route,
        status: 404,
        code: "NOT_FOUND",
      });
    }
  });

  it.each(["/projects/no-such-project", "/label/no-such-project"])("shows the 404 page at %s", async (url) => {
    const response = await fetch(`${app.url}${url}`, { headers: { cookie: adminCookie } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("answers a labeler with a real 403 on every staff page: each project section, admin, tokens, API docs", async () => {
    const project = await makeProject({ prompts: 1, candidates: 2 });
    const pages = [
      ...PROJECT_SECTIONS.map((section) => sectionHref(project.slug, section)),
      "/admin",
      "/admin/projects/new",
      "/account/tokens",
      "/docs/api",
    ];
    for (const url of pages) {
      const response = await fetch(`${app.url}${url}`, { headers: { cookie: labelerCookie }, redirect: "manual" });
      const body = await response.text();
      expect({ url, status: response.status, says: body.includes("Not for your role") }).toEqual({
        url,
        status: 403,
        says: true,
      });
    }
    // The same pages open for an admin, so the 403 above is about the role, not a broken page.
    const open = await fetch(`${app.url}${sectionHref(project.slug, PROJECT_SECTIONS[1] ?? { path: "" })}`, {
      headers: { cookie: adminCookie },
    });
    expect(open.status).toBe(200);
  });

  it("has every route declare the token scope the policy gives it (none: browser sessions only)", async () => {
    const declared = await tokenScopes();
    expect([...declared.keys()].sort()).toEqual(all);
    for (const [route, scope] of declared) {
      expect({ route, scope }).toEqual({ route, scope: TOKEN_SCOPES.get(route) });
    }
  });

  it("answers 403 to a token with every scope on each route no scope opens, and lets it through the others", async () => {
    for (const route of all.filter((r) => !PUBLIC.has(r))) {
      const response = await call(route, adminToken);
      const code = (await response.json()).error?.code;
      if (TOKEN_SCOPES.has(route)) expect({ route, status: response.status }).not.toMatchObject({ status: 403 });
      else expect({ route, status: response.status, code }).toEqual({ route, status: 403, code: "FORBIDDEN" });
      expect({ route, status: response.status }).not.toEqual({ route, status: 401 });
    }
  });

  it.each(all.filter((r) => !PUBLIC.has(r)))("%s answers 401 to an unknown bearer token", async (route) => {
    expect((await call(route, `vck_${"0".repeat(43)}`)).status).toBe(401);
  });

  it("rejects a session cookie signed with another secret", async () => {
    const forged = await encode({ secret: "x".repeat(32), token: { uid: "u", role: "ADMIN", email: null } });
    const response = await call("GET /api/admin/users", `next-auth.session-token=${forged}`);
    expect(response.status).toBe(401);
  });
});
