import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../setup/app-server";

// Every API route, found on disk, so a route added later is covered without editing this test.
const API = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// The policy, stated once: the only routes a labeler may call. Everything else is for leads,
// ML engineers or admins and must answer 403 to a labeler (and 401 to nobody signed in).
const PUBLIC = new Set(["POST /api/join", "GET /api/auth/x", "POST /api/auth/x", "GET /api/health"]);
const LABELER_ALLOWED = new Set([
  "GET /api/projects",
  "GET /api/projects/x/next",
  "POST /api/projects/x/judgments",
  "POST /api/projects/x/demonstrations",
]);

function routes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const url = `/api/${path
          .relative(API, dir)
          .split(path.sep)
          .map((segment) => (segment.startsWith("[") ? "x" : segment))
          .join("/")}`.replace(/\/$/, "");
        for (const method of METHODS) {
          if (new RegExp(`export (const|async function|function) ${method}\\b|as ${method}\\b`).test(source))
            found.push(`${method} ${url}`);
        }
      }
    }
  };
  walk(API);
  return found.sort();
}

let app: AppServer;
let labelerCookie: string;

beforeAll(async () => {
  app = await startAppServer();
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    token: { uid: "no-such-labeler", role: "LABELER", email: "labeler@test.local" },
  });
  labelerCookie = `next-auth.session-token=${token}`;
});

afterAll(async () => {
  await app?.stop();
});

function call(route: string, cookie?: string) {
  const [method, url] = route.split(" ") as [string, string];
  return fetch(`${app.url}${url}`, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
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
        "PATCH /api/projects/x/members/x",
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

  it("rejects a session cookie signed with another secret", async () => {
    const forged = await encode({ secret: "x".repeat(32), token: { uid: "u", role: "ADMIN", email: null } });
    const response = await call("GET /api/admin/users", `next-auth.session-token=${forged}`);
    expect(response.status).toBe(401);
  });
});
