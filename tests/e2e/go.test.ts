import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { importFile } from "../../lib/import";
import { appAndBrowserPerFile, createLabeler, eventually, signInThroughLoginPage, waitForPair } from "./fixtures";

const app = appAndBrowserPerFile();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-e2e-go-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** With VIBECHECK_SCREENSHOT=1, keeps what the labeler saw for a look (in the temp folder). */
async function screenshot(page: Page, width: string) {
  if (process.env.VIBECHECK_SCREENSHOT !== "1") return;
  const file = path.join(os.tmpdir(), `vibecheck-go-compare-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`[e2e] screenshot: ${file}`);
}

/** A GO project with one prompt and two candidate moves, imported the way admins import. */
async function createGoProject() {
  const suffix = randomBytes(4).toString("hex");
  const project = await db().project.create({
    data: { slug: `e2e-go-${suffix}`, name: "Go 9x9", kind: "GO", inviteCode: `invite-${suffix}`, goldRate: 0 },
  });
  const line = {
    id: "opening",
    prompt: "White to play, move 4.",
    candidates: [
      { id: "C7", board: { sgf: "(;GM[1]FF[4]SZ[9]KM[7.5];B[ee];W[gc];B[cg];W[cc])" } },
      { id: "E7", board: { sgf: "(;GM[1]FF[4]SZ[9]KM[7.5];B[ee];W[gc];B[cg];W[ec])" } },
    ],
  };
  const file = path.join(dir, `${suffix}.jsonl`);
  await writeFile(file, `${JSON.stringify(line)}\n`);
  await importFile(file, project);
  return project;
}

describe("GO compare screen", () => {
  it("shows the question and two SVG boards, side by side on a phone, and stores a keyboard judgment", async () => {
    const project = await createGoProject();
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
    const shown = await waitForPair(page);

    await expect(page.getByTestId("question").textContent()).resolves.toBe("Which position is better for Black?");
    const boards = page.locator('[data-testid^="candidate-"] svg[role="img"]');
    expect(await boards.count()).toBe(2);
    const labels = await boards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-label") ?? ""));
    for (const label of labels) {
      expect(label).toMatch(
        /^9 by 9 Go board, Black to play, komi 7\.5\. 2 black stones, 2 white stones\. Last move: White at [CE]7\./,
      );
    }
    expect(new Set(labels).size).toBe(2);
    expect(await page.getByRole("img", { name: /Last move: White at C7/ }).count()).toBe(1);
    await screenshot(page, "1280");

    await page.setViewportSize({ width: 390, height: 844 });
    const [left, right] = await Promise.all(
      ["candidate-left", "candidate-right"].map((id) => page.getByTestId(id).locator("svg").boundingBox()),
    );
    expect(left && right).toBeTruthy();
    if (left && right) {
      expect(Math.abs(left.y - right.y)).toBeLessThan(1);
      expect(left.width).toBeGreaterThan(150);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "390");

    await page.keyboard.press("ArrowRight");
    const [judgment] = await eventually(
      () => db().judgment.findMany({ where: { userId: labeler.id }, include: { pair: true } }),
      (rows) => rows.length === 1,
    );
    expect(judgment?.leftCandidateId).toBe(shown.leftCandidateId);
    const chosen = judgment?.choice === "A" ? judgment.pair.candidateAId : judgment?.pair.candidateBId;
    expect(chosen).toBe(shown.rightCandidateId);
    await page.locator('[data-testid="done"][data-reason="empty"]').waitFor();
    await context.close();
  });
});
