import { randomUUID } from "node:crypto";
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nextTask, reclaimExpiredLeases } from "../../lib/assign";
import { db } from "../../lib/db";
import { submitJudgment } from "../../lib/judgments";
import {
  appAndBrowserPerFile,
  createLabeler,
  createTextProject,
  eventually,
  signInThroughLoginPage,
  simplePairs,
  waitForPair,
} from "./fixtures";

const JUDGMENTS = "**/api/projects/*/judgments";

const app = appAndBrowserPerFile();

async function labelerOnComparePage() {
  const project = await createTextProject({ pairs: simplePairs(6) });
  const labeler = await createLabeler(project.id);
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await signInThroughLoginPage(page, app.server.url, project.slug, labeler);
  return { project, labeler, context, page };
}

/** Every judgment request is cut; the client ids the browser tried to send are recorded. */
async function cutJudgments(page: Page) {
  const attempts: string[] = [];
  const handler = (route: Route) => {
    attempts.push((route.request().postDataJSON() as { clientId: string }).clientId);
    return route.abort("internetdisconnected");
  };
  await page.route(JUDGMENTS, handler);
  return { attempts, restore: () => page.unroute(JUDGMENTS, handler) };
}

/** Answers the pair on screen with `key`, waits until the next one is shown, and returns the answered one. */
async function judgeAndWaitForNext(page: Page, key: string) {
  const shown = await waitForPair(page);
  await page.keyboard.press(key);
  await waitForPair(page, shown.assignmentId);
  return shown;
}

/**
 * Every judgment the labeler has stored. Counting by client id could never exceed 1 (it is
 * unique); a judgment sent again as another one, or stored on another lease, shows up here.
 */
const judgmentsOf = (userId: string) =>
  db().judgment.findMany({ where: { userId }, select: { clientId: true, assignmentId: true } });
const judgmentCountOf = (userId: string) => db().judgment.count({ where: { userId } });

async function staysAt(read: () => Promise<number>, expected: number, forMs = 1_500) {
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    expect(await read()).toBe(expected);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("nothing is lost", () => {
  it("retries a judgment made while the network is cut and stores it exactly once", async () => {
    const { labeler, context, page } = await labelerOnComparePage();
    const cut = await cutJudgments(page);
    const shown = await judgeAndWaitForNext(page, "1");

    await eventually(
      async () => cut.attempts.length,
      (n) => n >= 2,
    );
    expect(new Set(cut.attempts).size).toBe(1);
    const clientId = cut.attempts[0] ?? "";
    await page.locator('[data-testid="sync-status"][data-pending="1"][data-problem="offline"]').waitFor();
    expect(await db().judgment.count({ where: { userId: labeler.id } })).toBe(0);

    await cut.restore();
    await eventually(
      () => judgmentCountOf(labeler.id),
      (n) => n === 1,
    );
    await staysAt(() => judgmentCountOf(labeler.id), 1);
    expect(await judgmentsOf(labeler.id)).toEqual([{ clientId, assignmentId: shown.assignmentId }]);
    await page.locator('[data-testid="sync-status"][data-pending="0"]').waitFor();
    await context.close();
  });

  it("retries with the same client id when a stored judgment's answer is lost", async () => {
    const { labeler, context, page } = await labelerOnComparePage();
    const clientIds: string[] = [];
    // The first request reaches the server, but its answer never reaches the page.
    await page.route(JUDGMENTS, async (route) => {
      clientIds.push((route.request().postDataJSON() as { clientId: string }).clientId);
      if (clientIds.length === 1) {
        await route.fetch();
        await route.abort("connectionreset");
      } else {
        await route.continue();
      }
    });
    await judgeAndWaitForNext(page, "2");

    await page.locator('[data-testid="sync-status"][data-pending="0"]').waitFor({ timeout: 15_000 });
    expect(clientIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(clientIds).size).toBe(1);
    await staysAt(() => db().judgment.count({ where: { userId: labeler.id } }), 1);
    await context.close();
  });

  it("sends right away when the browser comes back online", async () => {
    const { labeler, context, page } = await labelerOnComparePage();
    const shown = await waitForPair(page);
    await context.setOffline(true);
    await page.keyboard.press("ArrowRight");
    // The next pair was prefetched, so labeling goes on offline.
    await waitForPair(page, shown.assignmentId);
    await page.locator('[data-testid="sync-status"][data-problem="offline"][data-pending="1"]').waitFor();
    // The page's clock stops: its backoff timers cannot fire any more, so only the browser's
    // "online" event can send the judgment below.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await db().judgment.count({ where: { userId: labeler.id } })).toBe(0);

    await context.setOffline(false);
    await eventually(
      () => db().judgment.count({ where: { userId: labeler.id } }),
      (n) => n === 1,
      10_000,
    );
    await context.close();
  });

  it("drops a judgment the server refuses, shows its message and goes on", async () => {
    const project = await createTextProject({ pairs: simplePairs(6), k: 1 });
    const slow = await createLabeler(project.id);
    const fast = await createLabeler(project.id);
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await signInThroughLoginPage(page, app.server.url, project.slug, slow);
    const shown = await waitForPair(page);

    // The slow labeler's lease runs out and is reclaimed; another labeler takes its pair's only
    // slot (k = 1) and judges it, so the server refuses the slow labeler's answer: PAIR_FULL.
    const lease = await db().assignment.update({
      where: { id: shown.assignmentId },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await reclaimExpiredLeases(project.id)).toBeGreaterThanOrEqual(1);
    const row = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    const taken = await nextTask(row, fast.id, { random: () => 0.99 });
    if (taken.kind !== "pair") throw new Error(`expected a pair, got ${taken.kind}`);
    const takenLease = await db().assignment.findUniqueOrThrow({ where: { id: taken.assignmentId } });
    expect(takenLease.pairId).toBe(lease.pairId);
    await submitJudgment(row, fast.id, {
      clientId: randomUUID(),
      assignmentId: taken.assignmentId,
      choice: "A",
      durationMs: 500,
    });

    await judgeAndWaitForNext(page, "1");
    const message = "This pair already has all the judgments it needs; here is another one.";
    await page.getByTestId("toast").filter({ hasText: message }).waitFor();
    await page.locator('[data-testid="sync-status"][data-pending="0"]').waitFor();
    expect(await page.getByTestId("judged-count").textContent()).toBe("0");
    expect(await judgmentCountOf(slow.id)).toBe(0);
    expect(await db().judgment.count({ where: { pairId: lease.pairId } })).toBe(1);
    await context.close();
  });

  it("keeps a queued judgment across a reload while offline and sends it afterwards", async () => {
    const { labeler, context, page } = await labelerOnComparePage();
    const cut = await cutJudgments(page);
    const shown = await judgeAndWaitForNext(page, "2");
    await eventually(
      async () => cut.attempts.length,
      (n) => n >= 1,
    );
    const clientId = cut.attempts[0] ?? "";

    await page.reload();
    const afterReload = await waitForPair(page);
    expect(afterReload.assignmentId).not.toBe(shown.assignmentId);
    await page.locator('[data-testid="sync-status"][data-pending="1"]').waitFor();
    const attemptsBeforeReload = cut.attempts.length;
    await eventually(
      async () => cut.attempts.length,
      (n) => n > attemptsBeforeReload,
    );
    expect(new Set(cut.attempts)).toEqual(new Set([clientId]));
    expect(await db().judgment.count({ where: { userId: labeler.id } })).toBe(0);

    await cut.restore();
    await eventually(
      () => judgmentCountOf(labeler.id),
      (n) => n === 1,
    );
    await staysAt(() => judgmentCountOf(labeler.id), 1);
    expect(await judgmentsOf(labeler.id)).toEqual([{ clientId, assignmentId: shown.assignmentId }]);
    await context.close();
  });
});
