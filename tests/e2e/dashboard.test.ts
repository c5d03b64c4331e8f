import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import type { Project } from "../../lib/generated/prisma/client";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { makeLabelers } from "../integration/fixtures";
import { addJudgments, makeLearnableProject } from "../integration/rm-fixtures";
import { checkBothViewports, LAPTOP } from "./a11y";
import { appAndBrowserPerFile, createUser, signIn } from "./fixtures";

// The Overview, Model and Gap pages as a data lead sees them in the browser (charts are drawn by
// recharts in the browser only), checked with axe at a laptop and a phone size.

const app = appAndBrowserPerFile();
/** A human-written candidate (quality 9: it beats every model candidate) on the first prompts, with its demonstration. */
async function addHumanAnswers(project: Project, prompts: number) {
  const [writer] = await makeLabelers(project, 1);
  const rows = await db().prompt.findMany({
    where: { projectId: project.id },
    orderBy: { externalId: "asc" },
    take: prompts,
    include: { candidates: true },
  });
  for (const [i, prompt] of rows.entries()) {
    const human = await db().candidate.create({
      data: {
        promptId: prompt.id,
        externalId: "h9",
        text: `Answer to ${prompt.externalId}: clear vivid precise elegant witty.`,
        source: "human",
        authorId: writer?.id,
      },
    });
    await db().demonstration.create({
      data: {
        clientId: randomUUID(),
        promptId: prompt.id,
        userId: writer?.id ?? "",
        candidateId: human.id,
        text: human.text,
        durationMs: 60_000 + 1000 * i,
      },
    });
    await db().pair.createMany({
      data: prompt.candidates.map((c, j) => ({
        projectId: project.id,
        promptId: prompt.id,
        candidateAId: j % 2 ? human.id : c.id,
        candidateBId: j % 2 ? c.id : human.id,
        openSlots: project.k,
        shuffleKey: 1,
      })),
    });
  }
}

describe("the Overview, Model and Gap pages", () => {
  it("show a lead the progress, the model against the human ceiling with its charts, and the gap in words", async () => {
    const project = await makeLearnableProject({ prompts: 20, candidates: 4, k: 3 });
    await addHumanAnswers(project, 6);
    await addJudgments(project, await makeLabelers(project, 3));
    // addJudgments writes rows directly; the pairs' counts are what submitting would have left.
    await db().$executeRaw`
      UPDATE "Pair" p SET "judgmentCount" = (SELECT count(*) FROM "Judgment" j WHERE j."pairId" = p.id), "openSlots" = 0
      WHERE p."projectId" = ${project.id}`;
    const trained = await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 8 }, log: () => {} });
    expect(trained).toMatchObject({ status: "trained", version: 1 });
    // Few held-out pairs may keep a first version from serving by the serving rule: promoted by hand.
    await promoteVersion(project, 1, { id: "test", email: null });
    const lead = await createUser("LEAD");

    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, lead, `/projects/${project.slug}`);
    await page.locator('figure svg.recharts-surface[role="application"]').first().waitFor();
    expect(await page.locator('figure svg.recharts-surface[role="application"]').count()).toBe(2);
    await expect(page.getByTestId("completion").textContent()).resolves.toMatch(
      /of 144 regular pairs have k = 3 judgments \(100\.0% complete\); 0 judgments still needed\. Every regular pair is complete\./,
    );
    await checkBothViewports(page, "the overview", "panels-overview");
    await page.getByRole("link", { name: /on the Model page/ }).click();
    await page.waitForURL(`${app.server.url}/projects/${project.slug}/model`);

    const serving = page.locator("#reward-model");
    await expect(serving.textContent()).resolves.toMatch(/Serving v1, trained on [\d,]+ judgments/);
    await expect(serving.textContent()).resolves.toContain("Reads hashed text: words, word 2-grams");
    // ONNX downloads are for the ML team; the card is for everyone on staff.
    await expect(serving.getByText("Download ONNX").count()).resolves.toBe(0);
    await expect(
      page
        .getByText(/Model vs\. the majority vote/)
        .locator("..")
        .textContent(),
    ).resolves.toMatch(/\d+\.\d% \(95% CI \d+\.\d%–\d+\.\d%, \d+ pairs\)/);
    await expect(page.getByTestId("model-verdict").textContent()).resolves.toMatch(
      /better than one labeler|within the noise|less well than one labeler/,
    );
    // The learning curve and the reliability diagram, drawn in the browser.
    await page.locator('figure[aria-label^="Learning curve"] svg.recharts-surface[role=application]').waitFor();
    await page.locator('figure[aria-label^="Reliability"] svg.recharts-surface[role=application]').waitFor();
    expect(await page.locator('figure[aria-label^="Learning curve"] .recharts-line').count()).toBe(2);
    await checkBothViewports(page, "the model page", "panels-model");

    await serving.getByRole("button", { name: "Retrain now" }).click();
    await page.waitForURL(/\/model\?retrain=queued#reward-model$/);
    await expect(page.locator("#reward-model").textContent()).resolves.toContain("A retrain is queued.");

    await page.goto(`${app.server.url}/projects/${project.slug}/gap`);
    const words = page.getByTestId("gap-words");
    await expect(words.textContent()).resolves.toMatch(
      /To write: a labeler took 6\d\.\d s \(median\) to write a demonstration, about \d+ times as long as a comparison/,
    );
    await expect(words.textContent()).resolves.toContain("To choose: a labeler took 1.0 s (median)");
    // Every labeler prefers the human answer (quality 9): it wins all 72 decisive judgments.
    await expect(words.textContent()).resolves.toContain(
      "the human-written answer won 100% of 72 decisive judgments against model candidates — people still write better than the models here",
    );
    await checkBothViewports(page, "the gap page", "panels-gap");
    await context.close();
  });

  it("tells a lead how to start measuring the gap, and refuses labelers", async () => {
    const project = await makeLearnableProject({ prompts: 2, candidates: 2 });
    const lead = await createUser("LEAD");
    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, lead, `/projects/${project.slug}/gap`);
    await page.getByText("Turn on demonstrations in").waitFor();
    await page.goto(`${app.server.url}/projects/${project.slug}/model`);
    await page.getByText("No version yet: press Retrain now").waitFor();
    await checkBothViewports(page, "the empty model page", "panels-model-empty");
    await context.close();

    const labeler = await createUser("LABELER");
    const labelerContext = await app.browser.newContext({ viewport: LAPTOP });
    const labelerPage = await labelerContext.newPage();
    await signIn(labelerPage, app.server.url, labeler, `/projects/${project.slug}/model`);
    for (const path of ["model", "gap"]) {
      await labelerPage.goto(`${app.server.url}/projects/${project.slug}/${path}`);
      await labelerPage.getByRole("heading", { name: "Not for your role" }).waitFor();
      expect(await labelerPage.locator("figure").count()).toBe(0);
    }
    await labelerContext.close();
  });
});
