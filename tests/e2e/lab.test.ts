import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { seedGoLabProject } from "../../lib/demo/go-lab";
import { runBestOfN } from "../../lib/lab-service";
import { retrainProject } from "../../lib/rm/service/retrain";
import { promoteVersion } from "../../lib/rm/service/versions";
import { simulateCrowd } from "../../lib/simulate";
import { labOptimizeJob } from "../../workers/jobs/lab-optimize";
import { labProbesJob } from "../../workers/jobs/lab-probes";
import { makeLabelers } from "../integration/fixtures";
import { addJudgments, makeLearnableProject } from "../integration/rm-fixtures";
import { checkBothViewports, expectAccessible } from "./a11y";
import { appAndBrowserPerFile, createUser, signIn } from "./fixtures";

// The Lab page of a Go project whose reward model learned from simulated labelers with a vibe:
// both curves with their intervals, the fitted peak in words, the table, and the earlier curves.
// The Lab page of a text project: probes under the serving model, hackability per version, a round
// of the loop, the optimizer's climb; and the hackability column of the Model page.

const app = appAndBrowserPerFile();

async function screenshots(page: Page) {
  if (process.env.VIBECHECK_SCREENSHOT !== "1") return;
  await page.screenshot({ path: path.resolve(import.meta.dirname, "../../public/screenshot-lab.png"), fullPage: true });
  await mkdir("/tmp/shots", { recursive: true });
  await page.screenshot({ path: "/tmp/shots/lab-laptop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/shots/lab-phone.png", fullPage: true });
  console.log("[e2e] screenshots: public/screenshot-lab.png, /tmp/shots/lab-laptop.png, /tmp/shots/lab-phone.png");
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("the Lab page", () => {
  it(
    "shows the proxy and truth curves of best-of-n with their bands, and each computed round",
    async () => {
      const project = await seedGoLabProject({ slug: "go-lab-e2e", name: "Go lab", vibe: 2, prompts: 60 });
      expect(project.currentModelId).not.toBeNull();
      const lead = await createUser("LEAD");
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, app.server.url, lead, `/projects/${project.slug}/lab`);
      await expect(page.getByText("No curve yet").count()).resolves.toBe(1);

      const options = { positions: 16, samples: 8, playouts: 200, bootstrap: 300 };
      await runBestOfN(project, { ...options, seed: 1 });
      await runBestOfN(project, { ...options, seed: 2 });
      await page.reload();
      const chart = page.getByTestId("goodhart-chart");
      await chart.locator(".recharts-line").first().waitFor();
      // Two lines (proxy, truth), each with its interval band.
      await expect(chart.locator(".recharts-line").count()).resolves.toBe(2);
      await expect(chart.locator(".recharts-area").count()).resolves.toBe(2);
      await expect(chart.textContent()).resolves.toMatch(/Reward model score \(proxy\).*True win probability/);
      await expect(page.getByTestId("goodhart-table").locator("tbody tr").count()).resolves.toBe(8);
      await expect(page.getByTestId("lab-summary").textContent()).resolves.toMatch(
        /went from \d+\.\d% \(one move, no choice\) to \d+\.\d% at n = 8/,
      );
      await expect(page.getByTestId("lab-rounds").locator("tbody tr").count()).resolves.toBe(2);
      await expectAccessible(page, "the Lab page");
      await screenshots(page);

      // The button queues a computation by the worker and says so.
      await page.getByRole("button", { name: "Compute the curve" }).click();
      await page.waitForURL(/\/lab\?bon=queued$/);
      // The page streams in after the skeleton: wait for the words rather than read the first paint.
      await page.getByRole("status").filter({ hasText: "The curve is queued" }).first().waitFor();
      await context.close();
    },
    20 * 60_000,
  );

  it(
    "shows a text project's probes, hackability per version, a round of the loop and the optimizer",
    async () => {
      const project = await makeLearnableProject({ prompts: 20, candidates: 4, retrainEvery: 0 });
      await addJudgments(project, await makeLabelers(project, 2));
      await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 6 }, log: () => {} });
      await promoteVersion(project, 1, { id: "test", email: null });
      const lead = await createUser("LEAD");
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, app.server.url, lead, `/projects/${project.slug}/lab`);
      await expect(page.getByText("No probes measured yet").count()).resolves.toBe(1);
      await expect(page.getByText("No optimizer run yet").count()).resolves.toBe(1);
      await expectAccessible(page, "the Lab page of a text project without probes");

      // The button queues the job (no worker runs in this test: its handler is called below).
      await page.getByRole("button", { name: "Make probes and measure" }).click();
      // A toast says what happened (waitFor fails the test if it never appears).
      await page.getByTestId("toast").filter({ hasText: "Probes are queued" }).waitFor();
      await (await labProbesJob.load())({ projectId: project.id });
      await page.getByRole("button", { name: "Send probes to labeling" }).click();
      await page
        .getByTestId("toast")
        .filter({ hasText: "100 pair(s) of a probe against a genuine candidate" })
        .waitFor();

      // One round: the simulated crowd judges the probe pairs, v2 learns from them, probes again.
      const current = await db().project.findUniqueOrThrow({ where: { id: project.id } });
      await simulateCrowd(current, {
        labelers: 6,
        temperature: 0.5,
        positionBias: 0,
        spammers: 0,
        seed: 3,
        judgments: 2_000,
        concurrency: 3,
      });
      await retrainProject(project.id, { train: { hidden: 8, maxEpochs: 6 }, log: () => {} });
      await (await labProbesJob.load())({ projectId: project.id });

      await page.getByLabel("Prompt").selectOption("prompt-1");
      await page.getByLabel("an empty text").check();
      await page.getByRole("button", { name: "Run the optimizer" }).click();
      await page.getByTestId("toast").filter({ hasText: 'queued on prompt "prompt-1"' }).waitFor();
      await (await labOptimizeJob.load())({ projectId: project.id, prompt: "prompt-1", from: "empty", steps: 8 });

      await page.reload();
      await expect(page.getByTestId("hackability-table").locator("tbody tr").count()).resolves.toBe(2);
      await expect(page.getByTestId("hackability-summary").textContent()).resolves.toMatch(
        /Version 2 scores \d+ of them above the median genuine answer: hackability \d+\.\d%/,
      );
      await expect(page.getByTestId("probe-table").locator("tbody tr").count()).resolves.toBe(100);
      await expect(page.getByTestId("lab-loop-rounds").locator("tbody tr").count()).resolves.toBe(1);
      await expect(page.getByTestId("lab-loop-rounds").textContent()).resolves.toMatch(/v1: \d+\.\d%.*v2: \d+\.\d%/);
      await expect(page.getByTestId("probe-labeling").textContent()).resolves.toMatch(/100 pairs of a probe/);
      const run = page.getByTestId("optimizer-run");
      await run.locator(".recharts-line").first().waitFor();
      await expect(run.textContent()).resolves.toContain("on prompt “prompt-1”, from an empty text");
      await expect(page.getByTestId("optimizer-final").textContent()).resolves.not.toBe("");
      await checkBothViewports(page, "the Lab page of a text project", "labpage-lab");

      await page.goto(`${app.server.url}/projects/${project.slug}/model`);
      await page.getByRole("columnheader", { name: "Hackability" }).waitFor();
      await checkBothViewports(page, "the Model page with hackability", "labpage-model");
      await context.close();
    },
    20 * 60_000,
  );
});
