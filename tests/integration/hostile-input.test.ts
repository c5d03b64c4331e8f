import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect, type Role } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { type AppServer, startAppServer } from "../setup/app-server";
import { routes } from "./api-routes";
import { makeLabeler, makeProject } from "./fixtures";

// Hostile bodies over HTTP against the production server: every answer is a refusal the API
// explains (4xx with an error code), never a server fault, and a refused import writes nothing.

let app: AppServer;
let project: Project;
let labelerCookie: string;
let adminCookie: string;

async function sessionCookie(uid: string, role: Role): Promise<string> {
  const token = await encode({ secret: process.env.NEXTAUTH_SECRET as string, token: { uid, role, email: null } });
  return `next-auth.session-token=${token}`;
}

beforeAll(async () => {
  app = await startAppServer();
  project = await makeProject({ prompts: 2, candidates: 3 });
  labelerCookie = await sessionCookie((await makeLabeler(project)).id, "LABELER");
  const admin = await db().user.create({ data: { email: `admin-${randomUUID()}@test.local`, role: "ADMIN" } });
  adminCookie = await sessionCookie(admin.id, "ADMIN");
});

afterAll(async () => {
  await disconnect();
  await app?.stop();
});

const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom("", "\u0000", "\ud800", "😀", "<script>alert(1)</script>", "x".repeat(20_000)),
);
/** JSON values shaped like the API's bodies, every field possibly missing, mistyped or odd. */
const jsonBody = fc.oneof(
  fc.anything().map((value) => JSON.stringify(value) ?? "null"),
  fc
    .record(
      {
        clientId: fc.oneof(fc.uuid(), oddText, fc.integer()),
        assignmentId: fc.oneof(fc.uuid(), oddText, fc.constant(null)),
        choice: fc.oneof(fc.constantFrom("A", "B", "TIE", "BOTH_BAD", "C"), fc.anything()),
        strength: fc.oneof(fc.integer(), fc.double(), fc.string()),
        rationale: oddText,
        durationMs: fc.oneof(fc.integer(), fc.double(), fc.constant(1e300), fc.string()),
        name: oddText,
        email: oddText,
        role: fc.oneof(fc.constantFrom("ADMIN", "LABELER", "ROOT"), fc.anything()),
        k: fc.oneof(fc.integer(), fc.string()),
        kind: oddText,
        note: oddText,
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  // Not JSON at all, or JSON cut short.
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.anything().map((value) => (JSON.stringify(value) ?? "").slice(0, -1)),
);

async function send(method: string, url: string, cookie: string, body: string, type = "application/json") {
  const response = await fetch(`${app.url}${url}`, {
    method,
    headers: { cookie, "content-type": type },
    body: method === "GET" ? undefined : body,
  });
  const text = await response.text();
  return { status: response.status, text };
}

function expectExplainedRefusal(answer: { status: number; text: string }, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status >= 400) {
    const body = JSON.parse(answer.text) as { error?: { code?: string; message?: string } };
    expect(body.error?.code, `${what}: ${answer.text.slice(0, 300)}`).toMatch(/^[A-Z_]+$/);
    expect(body.error?.message?.length ?? 0).toBeGreaterThan(0);
  }
}

describe("judgment submissions with hostile bodies", () => {
  it("are refused with a reason and store nothing", async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, async (body) => {
        const answer = await send("POST", `/api/projects/${project.slug}/judgments`, labelerCookie, body);
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expectExplainedRefusal(answer, body.slice(0, 200));
      }),
      { numRuns: 150 },
    );
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(0);
  }, 600_000);
});

const validLine = (id: string) =>
  JSON.stringify({
    id,
    prompt: "A prompt",
    candidates: [
      { id: "a", text: "one", source: "m1" },
      { id: "b", text: "two", source: "m2" },
    ],
  });

/** Files of valid lines with hostile ones among them: broken JSON, odd unicode, duplicate ids, huge lines. */
const hostileFile = fc
  .array(
    fc.oneof(
      fc.uuid().map(validLine),
      fc.constant(validLine("same-id")),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.json(),
      jsonBody,
      fc.constant(validLine("big").replace("A prompt", "y".repeat(2_000_000))),
      fc.constant(validLine("dupe").replace('"id":"b"', '"id":"a"')),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((lines) => lines.join("\n"));

async function projectCounts() {
  const where = { projectId: project.id };
  return {
    prompts: await db().prompt.count({ where }),
    candidates: await db().candidate.count({ where: { prompt: where } }),
    pairs: await db().pair.count({ where }),
  };
}

describe("imports of hostile files", () => {
  it("either import or are refused whole, naming each bad line and field", async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile, async (file) => {
        const before = await projectCounts();
        const answer = await send(
          "POST",
          `/api/projects/${project.slug}/import`,
          adminCookie,
          file,
          "application/x-ndjson",
        );
        expectExplainedRefusal(answer, file.slice(0, 200));
        if (answer.status === 200) return;
        expect(await projectCounts()).toEqual(before);
        const body = JSON.parse(answer.text) as { error: { code: string; details?: unknown } };
        if (body.error.code !== "INVALID_IMPORT") return;
        const problems = body.error.details as { line: number; field: string; message: string }[];
        expect(problems.length).toBeGreaterThan(0);
        // Numbered as the reader splits them: \n, \r\n and a lone \r each end a line.
        const lines = file.split(/\r\n|\r|\n/).length;
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines);
          expect(typeof problem.field).toBe("string");
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
  }, 600_000);
});

describe("every JSON body the API takes", () => {
  it("answers hostile bodies with a refusal it explains, never a server fault", async () => {
    // Archiving would turn every later call into "archived": that route goes last.
    const targets = routes()
      .filter((route) => !route.startsWith("GET ") && !route.includes("/api/auth/"))
      .sort((a, b) => Number(a.includes("/archive")) - Number(b.includes("/archive")));
    for (const route of targets) {
      const [method, url] = route.split(" ") as [string, string];
      const real = url.replace(/^\/api\/projects\/x\b/, `/api/projects/${project.slug}`);
      await fc.assert(
        fc.asyncProperty(jsonBody, async (body) => {
          expectExplainedRefusal(await send(method, real, adminCookie, body), `${route} ${body.slice(0, 200)}`);
        }),
        { numRuns: 12 },
      );
    }
  }, 900_000);
});

describe("the NUL character, which PostgreSQL text cannot hold", () => {
  it("is refused in any string of any JSON body, naming the field, never a server fault", async () => {
    const withNul = JSON.stringify({
      assignmentId: "a\u0000b",
      name: "\u0000",
      email: "x\u0000@y.z",
      reason: "\u0000",
    });
    const targets = routes().filter(
      (route) => !route.startsWith("GET ") && !route.includes("/api/auth/") && !route.includes("/archive"),
    );
    for (const route of targets) {
      const [method, url] = route.split(" ") as [string, string];
      const real = url.replace(/^\/api\/projects\/x\b/, `/api/projects/${project.slug}`);
      expectExplainedRefusal(await send(method, real, adminCookie, withNul), `${route} with NUL characters`);
    }
    const skip = await send("POST", `/api/projects/${project.slug}/skips`, adminCookie, '{"assignmentId":"\\u0000"}');
    expect(skip.status).toBe(400);
    expect(JSON.parse(skip.text).error).toMatchObject({
      code: "INVALID_INPUT",
      details: [{ field: "body.assignmentId", message: expect.stringContaining("NUL") }],
    });
  }, 300_000);
});
