import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { agreementReport, describePercent, leaderboard, talliesOf, type Vote } from "../../lib/agreement";
import { db } from "../../lib/db";
import { simulateCrowd } from "../../lib/simulate";
import { makeProject } from "../integration/fixtures";
import { expectAccessible } from "./a11y";
import { appAndBrowserPerFile, createLabeler, createUser, signIn } from "./fixtures";

// A lead reads the Agreement and Leaderboard pages of a project the simulator filled, and sees the
// numbers this test computes from the same judgments with lib/agreement; a labeler is refused.

const app = appAndBrowserPerFile();
const SHOTS = "/tmp/shots";
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function votesOf(projectId: string): Promise<Vote[]> {
  const rows = await db().judgment.findMany({
    where: { projectId },
    include: { pair: { include: { candidateA: true, candidateB: true } } },
  });
  return rows.map((j) => ({
    pairId: j.pairId,
    labelerId: j.userId,
    choice: j.choice,
    sourceA: j.pair.candidateA.source,
    sourceB: j.pair.candidateB.source,
  }));
}

async function look(page: Page, name: string, where: string) {
  await expectAccessible(page, where);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe("agreement and leaderboard pages", () => {
  it("show a lead the figures lib/agreement computes from the same judgments", { timeout: 300_000 }, async () => {
    await mkdir(SHOTS, { recursive: true });
    const created = await makeProject({ prompts: 12, candidates: 4, k: 3, goldRate: 0 }); // 72 pairs
    const project = await db().project.update({ where: { id: created.id }, data: { retrainEvery: 0 } });
    await simulateCrowd(project, {
      labelers: 6,
      temperature: 1,
      positionBias: 0.2,
      spammers: 0,
      seed: 5,
      concurrency: 3,
      judgments: 216,
    });
    const votes = await votesOf(project.id);
    expect(votes.length).toBe(216);
    const report = agreementReport(talliesOf(votes));
    const board = leaderboard(votes);
    expect(report.fleissKappa.value).not.toBeNull();
    expect(board.sources[0]?.strength).not.toBeNull();

    const lead = await createUser("LEAD");
    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, lead, `/projects/${project.slug}/agreement`);
    const summary = page.getByTestId("agreement-summary");
    await summary.waitFor();
    await expect(page.getByTestId("summary-percent").textContent()).resolves.toBe(
      describePercent(report.percentAgreement),
    );
    const table = await page.locator("table").first().textContent();
    for (const e of [report.percentAgreement, report.humanCeiling])
      expect(table).toContain(`${((e.value ?? 0) * 100).toFixed(1)}%`);
    for (const e of [report.fleissKappa, report.krippendorffAlpha]) {
      expect(table).toContain((e.value ?? 0).toFixed(3));
      expect(table).toContain(`${(e.ciLow ?? 0).toFixed(3)}\u00a0–\u2060\u00a0${(e.ciHigh ?? 0).toFixed(3)}`);
    }
    await expect(page.getByTestId("agreement-counts").textContent()).resolves.toContain(
      `${report.judgments} judgments on ${report.pairs} pairs`,
    );
    for (const [viewport, size] of [
      ["laptop", LAPTOP],
      ["phone", PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await look(page, `agreement-agreement-${viewport}`, `agreement page, ${viewport}`);
    }

    await page.setViewportSize(LAPTOP);
    await page.goto(`${app.server.url}/projects/${project.slug}/leaderboard`);
    await page.getByTestId("leaderboard-summary").waitFor();
    const rows = await page.locator("table tbody tr").allTextContents();
    expect(rows.length).toBe(board.sources.length);
    board.sources.forEach((r, i) => {
      expect(rows[i]).toContain(r.source);
      expect(rows[i]).toContain((r.strength ?? 0).toFixed(2));
      expect(rows[i]).toContain((r.ciLow ?? 0).toFixed(2));
    });
    await page.locator(".recharts-surface").first().waitFor();
    for (const [viewport, size] of [
      ["laptop", LAPTOP],
      ["phone", PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await look(page, `agreement-leaderboard-${viewport}`, `leaderboard page, ${viewport}`);
    }

    // Filtering to one day with no judgments shows the empty states.
    await page.setViewportSize(LAPTOP);
    await page.goto(`${app.server.url}/projects/${project.slug}/agreement?from=2020-01-01&to=2020-01-02`);
    await page.getByTestId("agreement-empty").waitFor();
    await look(page, "agreement-empty-laptop", "agreement page without overlap");
    await page.goto(`${app.server.url}/projects/${project.slug}/leaderboard?to=2020-01-02`);
    await page.getByTestId("leaderboard-empty").waitFor();
    await context.close();
  });

  it("refuses a labeler", { timeout: 120_000 }, async () => {
    const project = await makeProject({ prompts: 1 });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, labeler, `/projects/${project.slug}/agreement`);
    for (const section of ["agreement", "leaderboard"]) {
      await page.goto(`${app.server.url}/projects/${project.slug}/${section}`);
      await page.getByRole("heading", { name: "Not for your role" }).waitFor();
      expect(await page.locator("table").count()).toBe(0);
    }
    await context.close();
  });
});
