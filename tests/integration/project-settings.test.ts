import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { db, disconnect, type Role } from "../../lib/db";
import { DomainError } from "../../lib/errors";
import type { Project } from "../../lib/generated/prisma/client";
import { submitJudgment } from "../../lib/judgments";
import { deleteProject, projectBySlug, setArchived, updateSettings } from "../../lib/projects";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./fixtures";

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

/** What updateSettings refused with, or a failure if it did not refuse. */
async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const storedSettings = (project: Project) =>
  db()
    .project.findUniqueOrThrow({ where: { id: project.id } })
    .then(({ archivedAt: _, ...rest }) => rest);

describe("settings validation", () => {
  // One bad value per field, with the sentence the settings page shows for it.
  const cases: [string, unknown, string][] = [
    ["k", 0, "Judgments per pair (k) must be at least 1."],
    ["k", 101, "Judgments per pair (k) must be at most 100."],
    ["k", 2.5, "Judgments per pair (k) must be a whole number."],
    ["k", null, "Judgments per pair (k) must be a number."],
    ["allowTie", "maybe", "Allow ties must be on or off (true or false)."],
    ["allowBothBad", 1, 'Allow "both bad" must be on or off (true or false).'],
    ["strengthScale", null, "Strength scale must be on or off (true or false)."],
    ["rationale", "SOMETIMES", "Rationale must be one of Off, Optional, Required."],
    ["goldRate", 1.5, "Gold rate must be at most 1."],
    ["goldRate", -0.1, "Gold rate must be at least 0."],
    ["demonstrations", "yes", "Ask for demonstrations must be on or off (true or false)."],
    ["demoRate", 2, "Demonstration rate must be at most 1."],
    ["pairCap", 0, "Pairs per prompt (cap) must be at least 1."],
    ["leaseSeconds", 4, "Lease length (seconds) must be at least 5."],
    ["leaseSeconds", 86_401, "Lease length (seconds) must be at most 86400."],
    ["quota", -1, "Crowd quota must be at least 0."],
    ["question", "x".repeat(301), "Question must be at most 300 characters."],
    ["question", 7, "Question must be text."],
    ["activeLearning", "on", "Active learning must be on or off (true or false)."],
    ["retrainEvery", -5, "Retrain every N judgments must be at least 0."],
    ["guidelines", "x".repeat(20_001), "Labeling guidelines must be at most 20,000 characters."],
  ];

  it.each(cases)("refuses %s = %j, naming the field as the form does, and saves nothing", async (key, bad, message) => {
    const project = await fixtures.makeProject({ prompts: 0 });
    const before = await storedSettings(project);
    // A good value sent along with the bad one is not saved either.
    const good = key === "quota" ? { pairCap: 9 } : { quota: 7 };
    const error = await refusal(updateSettings(project.slug, { ...good, [key]: bad }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
    expect(error.details).toEqual([{ field: key, message }]);
    expect(await storedSettings(project)).toEqual(before);
  });

  it("refuses an unknown setting by name and lists the real ones", async () => {
    const project = await fixtures.makeProject({ prompts: 0 });
    const error = await refusal(updateSettings(project.slug, { k: 4, ties: false }));
    expect(error.message).toMatch(/^"ties" is not a setting; the settings are k, allowTie, allowBothBad, /);
    expect((await storedSettings(project)).k).toBe(3);
  });

  it("names every problem at once", async () => {
    const project = await fixtures.makeProject({ prompts: 0 });
    const error = await refusal(updateSettings(project.slug, { k: 0, goldRate: 3 }));
    expect(error.details).toEqual([
      { field: "k", message: "Judgments per pair (k) must be at least 1." },
      { field: "goldRate", message: "Gold rate must be at most 1." },
    ]);
  });

  it("saves every field, stores empty text as none, and the next lookup sees it at once", async () => {
    const project = await fixtures.makeProject({ prompts: 0 });
    await projectBySlug(project.slug);
    const changes = {
      k: 5,
      allowTie: false,
      allowBothBad: false,
      strengthScale: true,
      rationale: "REQUIRED",
      goldRate: 0.2,
      demonstrations: true,
      demoRate: 0.3,
      pairCap: 12,
      leaseSeconds: 120,
      quota: 40,
      question: "  Which is kinder?  ",
      activeLearning: true,
      retrainEvery: 0,
      guidelines: "# Be kind\n\nPrefer the kinder answer.",
    };
    await updateSettings(project.slug, changes);
    expect(await storedSettings(project)).toMatchObject({ ...changes, question: "Which is kinder?" });
    expect(await projectBySlug(project.slug)).toMatchObject({ k: 5, allowTie: false, rationale: "REQUIRED" });
    await updateSettings(project.slug, { question: "   ", guidelines: "" });
    expect(await storedSettings(project)).toMatchObject({ question: null, guidelines: null, k: 5 });
  });
});

/** Judges `count` pairs of the project with new labelers, and returns them. */
async function judge(project: Project, count: number) {
  const labelers = await fixtures.makeLabelers(project, count);
  for (const labeler of labelers) {
    const task = await nextTask(project, labeler.id, { random: () => 0.99 });
    if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
    await submitJudgment(project, labeler.id, {
      clientId: randomUUID(),
      assignmentId: task.assignmentId,
      choice: "TIE",
      durationMs: 900,
    });
  }
  return labelers;
}

async function onlyPair(project: Project) {
  return db().pair.findFirstOrThrow({ where: { projectId: project.id, isGold: false } });
}

describe("changing k on a project with judgments", () => {
  it("raising k reopens slots on a complete pair; live leases keep theirs; lowering never deletes a judgment", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    await judge(project, 2);
    expect(await onlyPair(project)).toMatchObject({ judgmentCount: 2, openSlots: 0 });

    await updateSettings(project.slug, { k: 4 });
    expect(await onlyPair(project)).toMatchObject({ judgmentCount: 2, openSlots: 2 });

    // A labeler holds a lease: it keeps its slot through a change of k.
    const holder = await fixtures.makeLabeler(project);
    const held = await nextTask(await projectBySlug(project.slug), holder.id, { random: () => 0.99 });
    expect(held.kind).toBe("pair");
    expect((await onlyPair(project)).openSlots).toBe(1);
    await updateSettings(project.slug, { k: 5 });
    expect(await onlyPair(project)).toMatchObject({ openSlots: 5 - 2 - 1 });

    await updateSettings(project.slug, { k: 1 });
    expect(await onlyPair(project)).toMatchObject({ judgmentCount: 2, openSlots: 0 });
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(2);
    const stored = await db().judgment.findMany({ where: { projectId: project.id } });
    expect(stored.every((j) => j.choice === "TIE")).toBe(true);
  });

  it("counts an expired lease that was not reclaimed yet, so reclaiming it later does not over-open the pair", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, k: 2, goldRate: 0 });
    const [labeler] = await fixtures.makeLabelers(project, 1);
    const task = await nextTask(project, labeler?.id ?? "", { random: () => 0.99 });
    if (task.kind !== "pair") throw new Error("expected a pair");
    await db().assignment.update({
      where: { id: task.assignmentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    await updateSettings(project.slug, { k: 3 });
    expect((await onlyPair(project)).openSlots).toBe(2);
    const { reclaimExpiredLeases } = await import("../../lib/assign");
    expect(await reclaimExpiredLeases(project.id)).toBe(1);
    expect((await onlyPair(project)).openSlots).toBe(3);
  });

  it("leaves gold pairs alone and does nothing to slots when k is unchanged", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 3, k: 2, goldRate: 0 });
    const [gold, ...regular] = await db().pair.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    await db().pair.update({ where: { id: gold?.id }, data: { isGold: true, goldAnswer: "A", openSlots: 0 } });
    // A drifted count shows whether the slots were recomputed.
    await db().pair.update({ where: { id: regular[0]?.id }, data: { openSlots: 1 } });
    await updateSettings(project.slug, { k: 2, quota: 3 });
    expect((await db().pair.findUniqueOrThrow({ where: { id: regular[0]?.id } })).openSlots).toBe(1);
    await updateSettings(project.slug, { k: 6 });
    const after = await db().pair.findMany({ where: { projectId: project.id } });
    expect(after.find((p) => p.id === gold?.id)?.openSlots).toBe(0);
    for (const pair of after.filter((p) => !p.isGold)) expect(pair.openSlots).toBe(6);
  });
});

async function userWith(role: Role) {
  return db().user.create({
    data: { email: `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.local`, role },
  });
}

async function callRoute(
  module: Promise<Record<string, unknown>>,
  method: string,
  url: string,
  user: { id: string; role: Role },
  params: Record<string, string>,
  body?: unknown,
): Promise<Response> {
  const handler = (await module)[method] as (req: NextRequest, ctx: unknown) => Promise<Response>;
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    token: { uid: user.id, role: user.role, email: `${user.id}@test.local` },
  });
  const req = new NextRequest(`http://localhost${url}`, {
    method,
    headers: { cookie: `next-auth.session-token=${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(req, { params: Promise.resolve(params) });
}

describe("the settings and create routes", () => {
  const settingsRoute = import("../../app/api/projects/[slug]/settings/route");
  const projectsRoute = import("../../app/api/projects/route");

  it("PATCH answers a plain message naming the field, and only admins may change settings", async () => {
    const project = await fixtures.makeProject({ prompts: 0 });
    const admin = await userWith("ADMIN");
    const url = `/api/projects/${project.slug}/settings`;
    const bad = await callRoute(settingsRoute, "PATCH", url, admin, { slug: project.slug }, { k: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: "INVALID_INPUT",
      message: "Judgments per pair (k) must be at least 1.",
      details: [{ field: "k", message: "Judgments per pair (k) must be at least 1." }],
    });
    const lead = await userWith("LEAD");
    expect((await callRoute(settingsRoute, "PATCH", url, lead, { slug: project.slug }, { k: 4 })).status).toBe(403);
    const ok = await callRoute(settingsRoute, "PATCH", url, admin, { slug: project.slug }, { k: 4, allowTie: false });
    expect(ok.status).toBe(200);
    expect(await storedSettings(project)).toMatchObject({ k: 4, allowTie: false });
  });

  it("POST /api/projects creates with every setting, or names the bad field and creates nothing", async () => {
    const admin = await userWith("ADMIN");
    const slug = `made-${randomBytes(3).toString("hex")}`;
    const bad = await callRoute(projectsRoute, "POST", "/api/projects", admin, {}, { slug, name: "Made", pairCap: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("Pairs per prompt (cap) must be at least 1.");
    const badSlug = await callRoute(projectsRoute, "POST", "/api/projects", admin, {}, { slug: "No Way", name: "" });
    expect((await badSlug.json()).error.message).toBe(
      "Slug must be 2–63 lowercase letters, digits and dashes, e.g. poems-v2. Name must not be empty.",
    );
    expect(await db().project.count({ where: { slug } })).toBe(0);

    const body = { slug, name: "Made", kind: "GO", k: 2, allowTie: false, rationale: "OPTIONAL", guidelines: "Read." };
    const made = await callRoute(projectsRoute, "POST", "/api/projects", admin, {}, body);
    expect(made.status).toBe(200);
    expect(await db().project.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      ...body,
      goldRate: 0.05,
      retrainEvery: 200,
    });
  });
});

describe("archiving", () => {
  it("serves nothing while archived, with a clear answer, keeps everything, and serves again once unarchived", async () => {
    const project = await fixtures.makeProject({ prompts: 2, candidates: 2, goldRate: 0 });
    const [judged] = await judge(project, 1);
    const labeler = await fixtures.makeLabeler(project);
    await setArchived(project.slug, true);

    const archived = await projectBySlug(project.slug);
    const error = await refusal(nextTask(archived, labeler.id));
    expect(error.code).toBe("PROJECT_ARCHIVED");
    expect(error.message).toMatch(/^This project is archived: it serves no pairs now\./);
    const next = await callRoute(
      import("../../app/api/projects/[slug]/next/route"),
      "GET",
      `/api/projects/${project.slug}/next`,
      labeler,
      { slug: project.slug },
    );
    expect(next.status).toBe(409);
    expect((await next.json()).error.message).toContain("This project is archived");
    expect(await db().judgment.count({ where: { projectId: project.id, userId: judged?.id } })).toBe(1);
    expect(await db().assignment.count({ where: { projectId: project.id, userId: labeler.id } })).toBe(0);

    await setArchived(project.slug, false);
    const task = await nextTask(await projectBySlug(project.slug), labeler.id, { random: () => 0.99 });
    expect(task.kind).toBe("pair");
  });

  it("is admin only", async () => {
    const project = await fixtures.makeProject({ prompts: 0 });
    const route = import("../../app/api/projects/[slug]/archive/route");
    const url = `/api/projects/${project.slug}/archive`;
    expect((await callRoute(route, "POST", url, await userWith("LEAD"), { slug: project.slug })).status).toBe(403);
    expect((await callRoute(route, "POST", url, await userWith("ADMIN"), { slug: project.slug })).status).toBe(200);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).archivedAt).not.toBeNull();
    expect((await callRoute(route, "DELETE", url, await userWith("ADMIN"), { slug: project.slug })).status).toBe(200);
    expect((await db().project.findUniqueOrThrow({ where: { id: project.id } })).archivedAt).toBeNull();
  });
});

describe("deleting a project", () => {
  const route = import("../../app/api/projects/[slug]/route");

  it("needs the slug typed to confirm, and is admin only", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2, goldRate: 0 });
    await judge(project, 1);
    const url = `/api/projects/${project.slug}`;
    const params = { slug: project.slug };
    const admin = await userWith("ADMIN");

    const lead = await callRoute(route, "DELETE", url, await userWith("LEAD"), params, { confirmSlug: project.slug });
    expect(lead.status).toBe(403);
    const wrong = await callRoute(route, "DELETE", url, admin, params, { confirmSlug: "something-else" });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toBe(
      `Type the project's slug "${project.slug}" to confirm deleting it; nothing was deleted.`,
    );
    const missing = await callRoute(route, "DELETE", url, admin, params, {});
    expect(missing.status).toBe(400);
    expect(await db().project.count({ where: { id: project.id } })).toBe(1);

    const done = await callRoute(route, "DELETE", url, admin, params, { confirmSlug: project.slug });
    expect(done.status).toBe(200);
    expect(await db().project.count({ where: { id: project.id } })).toBe(0);
    expect(await db().judgment.count({ where: { projectId: project.id } })).toBe(0);
    expect(await db().pair.count({ where: { projectId: project.id } })).toBe(0);
    await expect(projectBySlug(project.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes a project whose reward model is serving", async () => {
    const project = await fixtures.makeProject({ prompts: 0 });
    const model = await db().rewardModel.create({
      data: {
        projectId: project.id,
        version: 1,
        featurizer: {},
        metrics: {},
        card: {},
        onnx: Buffer.from([0]),
        judgmentCount: 0,
        cutoff: new Date(),
      },
    });
    await db().project.update({ where: { id: project.id }, data: { currentModelId: model.id } });
    await deleteProject(project.slug, project.slug);
    expect(await db().rewardModel.count({ where: { id: model.id } })).toBe(0);
  });
});

describe("the project CLI", () => {
  const run = promisify(execFile);
  const root = path.resolve(import.meta.dirname, "../..");
  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "bin/project.ts", ...args], { cwd: root, env: process.env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  // Eight runs of the CLI, each starting Node with tsx: slow on a busy machine, hence the runner's limit.
  it("creates a project with settings, changes them, refuses a bad value whole, archives and deletes", {
    timeout: 240_000,
  }, async () => {
    const slug = `cli-${randomBytes(3).toString("hex")}`;
    const created = await cli([
      "create",
      "--slug",
      slug,
      "--name",
      "From the CLI",
      "--kind",
      "go",
      "--set",
      "k=5",
      "--set",
      "allowTie=off",
      "--set",
      "rationale=required",
    ]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created project "${slug}".`);
    expect(await db().project.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      kind: "GO",
      k: 5,
      allowTie: false,
      rationale: "REQUIRED",
    });

    const bad = await cli(["set", slug, "goldRate=0.2", "k=0", "strengthScale=perhaps"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("k: Judgments per pair (k) must be at least 1.");
    expect(bad.stderr).toContain("strengthScale: Strength scale must be on or off (true or false).");
    expect(bad.stderr).toContain("Nothing was changed.");
    expect((await db().project.findUniqueOrThrow({ where: { slug } })).goldRate).toBe(0.05);

    const set = await cli(["set", slug, "goldRate=0.2", "question=Which is stronger?", "activeLearning=true"]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("goldRate = 0.2");
    expect(await db().project.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      goldRate: 0.2,
      question: "Which is stronger?",
      activeLearning: true,
    });

    const usage = await cli(["set", slug, "k"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('expected key=value, got "k"');

    expect((await cli(["archive", slug])).code).toBe(0);
    expect((await db().project.findUniqueOrThrow({ where: { slug } })).archivedAt).not.toBeNull();
    const unconfirmed = await cli(["delete", slug]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain(`Type the project's slug "${slug}" to confirm deleting it`);
    expect((await cli(["delete", slug, "--confirm", slug])).code).toBe(0);
    expect(await db().project.count({ where: { slug } })).toBe(0);
  });
});
