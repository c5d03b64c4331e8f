import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { HOSTILE_PAIR, PALINDROME_PAIR } from "./content";
import {
  appAndBrowserPerFile,
  createLabeler,
  createTextProject,
  eventually,
  type ShownPair,
  signInThroughLoginPage,
  simplePairs,
  waitForPair,
} from "./fixtures";

const app = appAndBrowserPerFile();

async function screenshots(page: Page) {
  if (process.env.VIBECHECK_SCREENSHOT !== "1") return;
  await page.screenshot({ path: path.resolve(import.meta.dirname, "../../public/screenshot-compare.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  const phone = path.join(os.tmpdir(), "vibecheck-compare-390.png");
  await page.screenshot({ path: phone });
  console.log(`[e2e] screenshots: public/screenshot-compare.png, ${phone}`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("compare screen", () => {
  it("stores five keyboard decisions, in terms of what was shown on the left, across a reload", async () => {
    const project = await createTextProject({ name: "Code answers", pairs: [PALINDROME_PAIR, ...simplePairs(7)] });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);

    let shown = await waitForPair(page);
    await screenshots(page);
    const decisions: (ShownPair & { pickedLeft: boolean })[] = [];
    for (const key of ["1", "2", "ArrowLeft", "ArrowRight", "1"]) {
      await page.keyboard.press(key);
      decisions.push({ ...shown, pickedLeft: key === "1" || key === "ArrowLeft" });
      shown = await waitForPair(page, shown.assignmentId);
    }
    expect(await page.getByTestId("judged-count").textContent()).toBe("5");

    await page.reload();
    const afterReload = await waitForPair(page);
    expect(decisions.map((d) => d.assignmentId)).not.toContain(afterReload.assignmentId);

    const stored = await eventually(
      () => db().judgment.findMany({ where: { userId: labeler.id }, include: { pair: true } }),
      (rows) => rows.length >= 5,
    );
    expect(stored).toHaveLength(5);
    for (const decision of decisions) {
      const judgment = stored.find((j) => j.assignmentId === decision.assignmentId);
      expect(judgment).toBeDefined();
      if (!judgment) continue;
      expect(judgment.leftCandidateId).toBe(decision.leftCandidateId);
      const chosen = judgment.choice === "A" ? judgment.pair.candidateAId : judgment.pair.candidateBId;
      expect(chosen).toBe(decision.pickedLeft ? decision.leftCandidateId : decision.rightCandidateId);
      expect(judgment.durationMs).toBeGreaterThan(0);
    }
    await page.locator('[data-testid="sync-status"][data-pending="0"]').waitFor();
    await context.close();
  });

  it("costs one request per judgment: each answer brings the pair after the one it shows next", async () => {
    const project = await createTextProject({ pairs: simplePairs(8) });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const calls: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith(`/api/projects/${project.slug}/`)) calls.push(`${request.method()} ${url.pathname}`);
    });
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);

    let shown = await waitForPair(page);
    const idle = page.locator('[data-testid="sync-status"][data-pending="0"]');
    for (let n = 0; n < 5; n++) {
      // Judged while the outbox is idle, so the judgment itself asks for the next task.
      await idle.waitFor();
      await page.keyboard.press("1");
      shown = await waitForPair(page, shown.assignmentId);
    }
    await idle.waitFor();

    const next = `GET /api/projects/${project.slug}/next`;
    const submit = `POST /api/projects/${project.slug}/judgments`;
    expect(calls.filter((c) => c === submit)).toHaveLength(5);
    // The first pair and its prefetch, then none: every later pair came in a judgment's answer.
    expect(calls.filter((c) => c === next)).toHaveLength(2);
    expect(await db().judgment.count({ where: { userId: labeler.id } })).toBe(5);
    await context.close();
  });

  it("renders hostile markdown inert and highlights fenced code", async () => {
    const project = await createTextProject({ pairs: [HOSTILE_PAIR] });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
    await waitForPair(page);

    const hostile = page.locator('[data-testid^="candidate-"]', { hasText: "Inline image" });
    await expect(hostile.textContent()).resolves.toContain("<script>window.__pwned=1</script>");
    expect(await hostile.locator("script").count()).toBe(0);
    expect(await hostile.locator("img").count()).toBe(0);
    expect(await hostile.locator("a").count()).toBe(0);
    const urlBefore = page.url();
    await hostile.getByText("x", { exact: true }).click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(page.url()).toBe(urlBefore);
    expect(dialogs).toEqual([]);

    const code = page.locator('[data-testid^="candidate-"] pre > code');
    expect(await code.count()).toBe(1);
    expect(await code.getAttribute("class")).toContain("hljs");
    expect(await code.locator(".hljs-keyword").first().textContent()).toBe("const");
    expect(await code.evaluate((node) => getComputedStyle(node).fontFamily)).toMatch(/mono/i);
    await context.close();
  });

  it("stacks the two responses on a phone-width screen without horizontal scrolling", async () => {
    const project = await createTextProject({ pairs: [PALINDROME_PAIR] });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
    await waitForPair(page);

    const left = await page.getByTestId("candidate-left").boundingBox();
    const right = await page.getByTestId("candidate-right").boundingBox();
    expect(left && right).toBeTruthy();
    if (!left || !right) return;
    expect(right.y).toBeGreaterThanOrEqual(left.y + left.height - 1);
    expect(Math.abs(right.x - left.x)).toBeLessThan(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("button", { name: /Response B, on the right, is better/ }).tap();
    await eventually(
      () => db().judgment.count({ where: { userId: labeler.id } }),
      (n) => n === 1,
    );
    await page.locator('[data-testid="done"][data-reason="empty"]').waitFor();
    await context.close();
  });

  it("takes a strength picked before the choice and blocks submitting until a required reason is written", async () => {
    const project = await createTextProject({ pairs: simplePairs(2), strengthScale: true, rationale: "REQUIRED" });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
    const shown = await waitForPair(page);

    await page.keyboard.press("e");
    await page.keyboard.press("ArrowRight");
    await page.getByRole("alert").filter({ hasText: "needs a short reason" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("rationale");
    // Shortcuts are off while typing: these digits are part of the reason.
    await page.keyboard.type("B covers 2 cases");
    expect(await page.locator('[data-testid="pair"]').getAttribute("data-assignment-id")).toBe(shown.assignmentId);
    await page.keyboard.press("Control+Enter");
    await waitForPair(page, shown.assignmentId);

    const judgment = await eventually(
      () => db().judgment.findFirst({ where: { userId: labeler.id }, include: { pair: true } }),
      (row) => row !== null,
    );
    expect(judgment?.rationale).toBe("B covers 2 cases");
    expect(judgment?.strength).toBe(3);
    const chosen = judgment?.choice === "A" ? judgment.pair.candidateAId : judgment?.pair.candidateBId;
    expect(chosen).toBe(shown.rightCandidateId);
    await context.close();
  });

  it("tells a labeler who is not a member of the project that they have no access", async () => {
    const project = await createTextProject({ pairs: simplePairs(1) });
    const other = await createTextProject({ pairs: simplePairs(1) });
    const outsider = await createLabeler(other.id);
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, outsider);
    await page.getByTestId("refused").waitFor();
    expect(await page.getByTestId("refused").textContent()).toContain("don't have access");
    await context.close();
  });
});
