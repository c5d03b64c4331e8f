import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect, type Role } from "../../lib/db";
import { labProbesQueue, pendingJobStates, stopJobSender } from "../../lib/jobs";
import { latestLabRun, type ProbesRunResult } from "../../lib/lab-service";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { labOptimizeJob } from "../../workers/jobs/lab-optimize";
import { labProbesJob } from "../../workers/jobs/lab-probes";
import { useFreshDatabase } from "../setup/database";
import * as fixtures from "./rm-fixtures";

// The Lab page's three actions on a text project: who may call them, what they queue or do, and
// the worker's handlers run on what they queued.

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await stopJobSender();
  await disconnect();
});

const ROUTES = {
  probes: import("../../app/api/projects/[slug]/lab/probes/route"),
  optimize: import("../../app/api/projects/[slug]/lab/optimize/route"),
  "send-probes": import("../../app/api/projects/[slug]/lab/send-probes/route"),
};

async function userWith(role: Role) {
  return db().user.create({
    data: { email: `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.local`, role },
  });
}

async function post(action: keyof typeof ROUTES, slug: string, user: { id: string; role: Role }, body?: unknown) {
  const handler = (await ROUTES[action]).POST as unknown as (req: NextRequest, ctx: unknown) => Promise<Response>;
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    token: { uid: user.id, role: user.role, email: `${user.id}@test.local` },
  });
  const req = new NextRequest(`http://localhost/api/projects/${slug}/lab/${action}`, {
    method: "POST",
    headers: { cookie: `next-auth.session-token=${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(req, { params: Promise.resolve({ slug }) });
}

describe("the Lab page's actions on a text project", () => {
  it(
    "refuse labelers, queue probes and the optimizer for the worker, and send probes to labeling inline",
    async () => {
      const project = await fixtures.makeLearnableProject({ prompts: 20, candidates: 4, retrainEvery: 0 });
      const labelers = await fixtures.makeLabelers(project, 2);
      await fixtures.addJudgments(project, labelers);
      await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 6 }, log: () => {} });
      await promoteVersion(project, 1, { id: "test", email: null });
      const [labeler, lead, ml, admin] = await Promise.all([
        userWith("LABELER"),
        userWith("LEAD"),
        userWith("ML"),
        userWith("ADMIN"),
      ]);
      const prompt = await db().prompt.findFirstOrThrow({ where: { projectId: project.id } });

      for (const action of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
        const response = await post(action, project.slug, labeler, { prompt: prompt.externalId });
        expect({ action, status: response.status }).toEqual({ action, status: 403 });
      }

      // Make probes and measure: queued once per project (a second click collapses into the first).
      const first = await post("probes", project.slug, ml);
      expect(first.status).toBe(202);
      expect(await first.json()).toMatchObject({ queued: true });
      expect(await pendingJobStates(labProbesQueue, project.id)).toEqual(["created"]);
      expect(await (await post("probes", project.slug, lead)).json()).toMatchObject({ queued: false });

      // The worker's handler on that payload stores the probes and the serving version's scores.
      await (await labProbesJob.load())({ projectId: project.id });
      const run = await latestLabRun(project.id, "probes");
      const result = run?.result as ProbesRunResult;
      expect(result.versions.map((v) => v.version)).toEqual([1]);
      const [v1] = result.versions;
      expect(result.serving?.version).toBe(1);
      const probes = result.serving?.probes ?? [];
      expect(probes).toHaveLength(100);
      expect(new Set(probes.map((p) => p.kind))).toEqual(new Set(["repeat", "empty", "padded", "stuffed", "echo"]));
      for (let i = 1; i < probes.length; i++) expect(probes[i]?.score).toBeLessThanOrEqual(probes[i - 1]?.score ?? 0);
      // The flags agree with the version's figure: as many probes above the median as it counted.
      expect(probes.filter((p) => p.above_median).length).toBe(v1?.above_median);

      // Send probes to labeling: inline, every probe paired once.
      const sent = await post("send-probes", project.slug, lead);
      expect(sent.status).toBe(200);
      expect(await sent.json()).toMatchObject({ pairs: 100 });
      expect(await (await post("send-probes", project.slug, admin)).json()).toMatchObject({ pairs: 0 });

      // Run the optimizer: the prompt must exist, the start must be genuine or empty.
      expect((await post("optimize", project.slug, admin, { prompt: "no-such-prompt" })).status).toBe(404);
      expect((await post("optimize", project.slug, admin, { prompt: prompt.externalId, from: "x" })).status).toBe(400);
      const queued = await post("optimize", project.slug, ml, { prompt: prompt.externalId, from: "empty" });
      expect(queued.status).toBe(202);
      const jobs = await db().$queryRaw<{ data: unknown }[]>`
        SELECT data FROM pgboss.job WHERE name = 'lab-optimize.v1' AND data->>'projectId' = ${project.id}`;
      expect(jobs.map((j) => j.data)).toEqual([
        { projectId: project.id, prompt: prompt.externalId, from: "empty", steps: 30 },
      ]);
      await (await labOptimizeJob.load())({
        projectId: project.id,
        prompt: prompt.externalId,
        from: "empty",
        steps: 4,
      });
      const climb = await latestLabRun(project.id, "optimizer");
      expect(climb?.params).toMatchObject({ prompt: prompt.externalId, from: "empty", steps: 4 });
      expect((climb?.result as { steps: unknown[] } | undefined)?.steps.length).toBeGreaterThan(1);
    },
    10 * 60_000,
  );

  it("answer 400 on a Go project", async () => {
    const project = await fixtures.makeProject({ prompts: 1, candidates: 2 });
    await db().project.update({ where: { id: project.id }, data: { kind: "GO" } });
    const lead = await userWith("LEAD");
    for (const action of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      const response = await post(action, project.slug, lead, { prompt: "p" });
      expect({ action, status: response.status }).toEqual({ action, status: 400 });
    }
  });
});
