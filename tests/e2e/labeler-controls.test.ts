import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { expectAccessible } from "./a11y";
import {
  appAndBrowserPerFile,
  createLabeler,
  createTextProject,
  createUser,
  eventually,
  signIn,
  signInThroughLoginPage,
  simplePairs,
  waitForPair,
} from "./fixtures";

// The labeler's controls on the compare screen (guidelines, skip, undo, report, the key guard,
// touch hints, "held by others"), and the lead's view of reports and skips.

const app = appAndBrowserPerFile();

const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const GUIDELINES = "## How to judge\n\nPrefer the **honest** answer, even when it is shorter.";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/shots/labeler-${name}.png`, fullPage: true });
}

const synced = (page: Page) => page.locator('[data-testid="sync-status"][data-pending="0"]').waitFor();

async function labelerOn(pairs: number, options: BrowserContextOptions = LAPTOP, settings = {}) {
  const project = await createTextProject({ pairs: simplePairs(pairs), k: 2, ...settings });
  const labeler = await createLabeler(project.id);
  const context = await app.browser.newContext(options);
  const page = await context.newPage();
  await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
  return { project, labeler, context, page };
}

const focusIsInDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null);

describe("guidelines", () => {
  it("shows them before the first pair, once, and again on ? in an accessible dialog", async () => {
    const project = await createTextProject({ pairs: simplePairs(3) });
    await db().project.update({ where: { id: project.id }, data: { guidelines: GUIDELINES } });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext(LAPTOP);
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);

    const intro = page.getByTestId("guidelines-intro");
    await intro.waitFor();
    expect(await intro.locator("h2").textContent()).toBe("How to judge");
    expect(await intro.locator("strong").textContent()).toBe("honest");
    expect(await page.getByTestId("pair").count()).toBe(0);
    await expectAccessible(page, "guidelines before the first pair (laptop)");
    await shot(page, "guidelines-intro-laptop");
    await page.keyboard.press("Enter");
    const shown = await waitForPair(page);

    // Remembered: a reload goes straight to the pair.
    await page.reload();
    await waitForPair(page);
    expect(await intro.count()).toBe(0);

    await page.keyboard.press("?");
    const dialog = page.getByTestId("guidelines-dialog");
    await dialog.locator("h2", { hasText: "How to judge" }).waitFor();
    expect(await focusIsInDialog(page)).toBe(true);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      expect(await focusIsInDialog(page)).toBe(true);
    }
    // The pair's keys wait while the dialog is open.
    await page.keyboard.press("1");
    await expectAccessible(page, "compare screen with the guidelines open (laptop)");
    await shot(page, "guidelines-dialog-laptop");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await db().judgment.count({ where: { userId: labeler.id } })).toBe(0);
    expect(await page.getByTestId("pair").getAttribute("data-assignment-id")).toBe(shown.assignmentId);

    // Opened with the header's button, focus comes back to it.
    await page.getByTestId("open-guidelines").click();
    await dialog.locator("h2", { hasText: "How to judge" }).waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("open-guidelines");
    await expectAccessible(page, "compare screen (laptop)");
    await context.close();
  });

  it("passes axe on a phone, with the guidelines open too", async () => {
    const project = await createTextProject({ pairs: simplePairs(2) });
    await db().project.update({ where: { id: project.id }, data: { guidelines: GUIDELINES } });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext(PHONE);
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
    await page.getByTestId("guidelines-intro").waitFor();
    await expectAccessible(page, "guidelines before the first pair (phone)");
    await page.getByRole("button", { name: /start labeling/ }).tap();
    await waitForPair(page);
    await expectAccessible(page, "compare screen (phone)");
    await shot(page, "compare-phone");
    await page.getByTestId("open-guidelines").tap();
    await page.getByTestId("guidelines-dialog").locator("h2", { hasText: "How to judge" }).waitFor();
    await expectAccessible(page, "compare screen with the guidelines open (phone)");
    await shot(page, "guidelines-dialog-phone");
    await context.close();
  });
});

describe("the 300 ms guard", () => {
  it("ignores a second key press that would judge the next pair sight unseen", async () => {
    const project = await createTextProject({ pairs: simplePairs(4) });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext(LAPTOP);
    const page = await context.newPage();
    let nextAnswers = 0;
    page.on("response", (response) => {
      if (response.url().includes("/next")) nextAnswers += 1;
    });
    await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
    const first = await waitForPair(page);
    // The next pair is loaded, so it appears the instant the first is judged.
    await eventually(
      async () => nextAnswers,
      (n) => n >= 2,
    );

    await page.keyboard.press("1");
    await page.keyboard.press("1");
    const second = await waitForPair(page, first.assignmentId);
    await synced(page);
    const stored = await db().judgment.findMany({ where: { userId: labeler.id } });
    expect(stored.map((j) => j.assignmentId)).toEqual([first.assignmentId]);

    // Once the pair has been up a moment, keys work again.
    await page.keyboard.press("2");
    await waitForPair(page, second.assignmentId);
    await eventually(
      () => db().judgment.count({ where: { userId: labeler.id } }),
      (n) => n === 2,
    );
    await context.close();
  });
});

describe("skip, undo and report", () => {
  it("work from the keyboard, and the lead sees the report and the skips", { timeout: 180_000 }, async () => {
    const { project, labeler, context, page } = await labelerOn(6);

    // Skip with a reason: the lease is released and the pair is not served again.
    const skipped = await waitForPair(page);
    await page.keyboard.press("s");
    await page.getByTestId("skip-dialog").locator("h2").waitFor();
    await shot(page, "skip-dialog-laptop");
    await page.keyboard.type("not my topic");
    await page.keyboard.press("Enter");
    const judgedThenUndone = await waitForPair(page, skipped.assignmentId);
    await eventually(
      () => db().assignment.findUniqueOrThrow({ where: { id: skipped.assignmentId } }),
      (lease) => lease.status === "EXPIRED",
    );
    const skip = await db().skip.findFirstOrThrow({ where: { userId: labeler.id } });
    expect(skip.reason).toBe("not my topic");
    expect(await db().pair.findUniqueOrThrow({ where: { id: skip.pairId } })).toMatchObject({ openSlots: 2 });

    // Undo a judgment: its pair comes back (same lease), then the pair that was next.
    await page.keyboard.press("1");
    const next = await waitForPair(page, judgedThenUndone.assignmentId);
    await shot(page, "undo-offered-laptop");
    await page.keyboard.press("u");
    expect(await waitForPair(page, next.assignmentId)).toEqual(judgedThenUndone);
    await page.keyboard.press("2");
    expect(await waitForPair(page, judgedThenUndone.assignmentId)).toEqual(next);
    await synced(page);
    const answered = await db().judgment.findMany({ where: { userId: labeler.id }, include: { pair: true } });
    expect(answered).toHaveLength(1);
    expect(answered[0]?.assignmentId).toBe(judgedThenUndone.assignmentId);
    const chosen = answered[0]?.choice === "A" ? answered[0]?.pair.candidateAId : answered[0]?.pair.candidateBId;
    expect(chosen).toBe(judgedThenUndone.rightCandidateId);

    // Undo a judgment the server already has: it is deleted there and the slot stays with the lease.
    await page.keyboard.press("1");
    const afterNext = await waitForPair(page, next.assignmentId);
    await synced(page);
    expect(await db().judgment.count({ where: { assignmentId: next.assignmentId } })).toBe(1);
    await page.keyboard.press("Control+z");
    expect(await waitForPair(page, afterNext.assignmentId)).toEqual(next);
    await synced(page);
    expect(await db().judgment.count({ where: { assignmentId: next.assignmentId } })).toBe(0);
    const lease = await db().assignment.findUniqueOrThrow({
      where: { id: next.assignmentId },
      include: { pair: true },
    });
    expect(lease.status).toBe("ACTIVE");
    expect(lease.pair).toMatchObject({ judgmentCount: 0, openSlots: 1 });

    // Report: stored, and the pair is skipped.
    await page.keyboard.press("r");
    const report = page.getByTestId("report-dialog");
    await report.locator("h2").waitFor();
    await page.keyboard.press("Enter");
    await report.getByRole("alert").filter({ hasText: "Choose what is wrong" }).waitFor();
    await report.getByLabel(/Offensive/).check();
    await report.getByTestId("report-note").fill("Response B insults the reader");
    await shot(page, "report-dialog-laptop");
    await report.getByRole("button", { name: /Report and skip/ }).click();
    await waitForPair(page, next.assignmentId);
    await synced(page);
    const stored = await db().report.findFirstOrThrow({ where: { userId: labeler.id } });
    expect(stored).toMatchObject({ kind: "OFFENSIVE", note: "Response B insults the reader", pairId: lease.pairId });
    await context.close();

    // The lead finds both on the reports page.
    const lead = await createUser("LEAD");
    for (const [options, name] of [
      [LAPTOP, "laptop"],
      [PHONE, "phone"],
    ] as const) {
      const leadContext = await app.browser.newContext(options);
      const leadPage = await leadContext.newPage();
      await signIn(leadPage, app.server.url, lead, `/projects/${project.slug}/data/reports`);
      const row = leadPage.locator(`[data-testid="reports"] tr[data-report-id="${stored.id}"]`);
      await expect(row.textContent()).resolves.toMatch(/Offensive.*Response B insults the reader.*labeler-/);
      const labelerSkips = leadPage.locator(`[data-testid="skips-by-labeler"] tr[data-user-id="${labeler.id}"]`);
      expect(await labelerSkips.locator("td").allTextContents()).toEqual([labeler.email, "2", "1"]);
      const pairSkips = leadPage.locator(`[data-testid="skips-by-pair"] tr[data-pair-id="${skip.pairId}"]`);
      expect(await pairSkips.locator("td").nth(1).textContent()).toBe("1");
      await expectAccessible(leadPage, `reports page (lead, ${name})`);
      await shot(leadPage, `reports-lead-${name}`);
      await leadContext.close();
    }
  });
});

describe("touch screens", () => {
  it("hide key hints and ask to tap again for a required reason", async () => {
    const { labeler, context, page } = await labelerOn(2, PHONE, { rationale: "REQUIRED" });
    await waitForPair(page);
    const visibleKeyHints = () =>
      page.locator("kbd").evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length);
    expect(await visibleKeyHints()).toBe(0);
    expect(await page.getByTestId("rationale").getAttribute("placeholder")).not.toContain("Ctrl");

    const choice = page.getByRole("button", { name: /Response A, on the left, is better/ });
    await choice.tap();
    const hint = page.getByRole("alert").filter({ hasText: "needs a short reason" });
    await expect(hint.textContent()).resolves.toContain("tap your choice again");
    await page.getByTestId("rationale").fill("A is honest");
    await choice.tap();
    await eventually(
      () => db().judgment.findFirst({ where: { userId: labeler.id } }),
      (row) => row?.rationale === "A is honest",
    );
    await shot(page, "touch-phone");
    await context.close();
  });

  it("keep the key hints on a laptop", async () => {
    const { context, page } = await labelerOn(1);
    await waitForPair(page);
    const hints = await page
      .locator("kbd")
      .evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length);
    expect(hints).toBeGreaterThan(4);
    await context.close();
  });
});

describe("nothing left, or held by others", () => {
  it("tells the two apart and asks again by itself once a pair is free", async () => {
    const project = await createTextProject({ pairs: simplePairs(1), k: 1 });
    const holder = await createLabeler(project.id);
    const waiting = await createLabeler(project.id);
    const holderContext = await app.browser.newContext(LAPTOP);
    const holderPage = await holderContext.newPage();
    await signInThroughLoginPage(holderPage, app.server.url, project.slug, holder);
    const held = await waitForPair(holderPage);

    const waitingContext = await app.browser.newContext(LAPTOP);
    const waitingPage = await waitingContext.newPage();
    await waitingPage.clock.install();
    await signInThroughLoginPage(waitingPage, app.server.url, project.slug, waiting);
    const heldView = waitingPage.locator('[data-testid="done"][data-reason="held"]');
    await heldView.waitFor();
    await expect(heldView.textContent()).resolves.toContain(
      "being labeled by others right now; trying again in a minute",
    );
    await expectAccessible(waitingPage, "held by others (laptop)");
    await shot(waitingPage, "held-laptop");

    await holderPage.keyboard.press("s");
    await holderPage.getByTestId("skip-dialog").locator("h2").waitFor();
    await holderPage.keyboard.press("Enter");
    await holderPage.locator('[data-testid="done"][data-reason="empty"]').waitFor();
    await eventually(
      () => db().assignment.findUniqueOrThrow({ where: { id: held.assignmentId } }),
      (lease) => lease.status === "EXPIRED",
    );

    await waitingPage.clock.fastForward(61_000);
    const freed = await waitForPair(waitingPage);
    expect(freed.leftCandidateId).not.toBe("");
    await holderContext.close();
    await waitingContext.close();
  });
});
