import { randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { expectAccessible } from "./a11y";
import {
  appAndBrowserPerFile,
  createLabeler,
  createTextProject,
  createUser,
  eventually,
  type LabelerFixture,
  signIn,
  simplePairs,
} from "./fixtures";

const app = appAndBrowserPerFile();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const SHOTS = "/tmp/shots";

async function signedIn(who: LabelerFixture, path: string, viewport = LAPTOP): Promise<[BrowserContext, Page]> {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, app.server.url, who, path);
  return [context, page];
}

/** A project with two labelers who judged every pair: one careful, one always left and fast. */
async function judgedProject() {
  const project = await createTextProject({ pairs: simplePairs(6), name: "Quality project" });
  const careful = await createLabeler(project.id);
  const hasty = await createLabeler(project.id);
  const pairs = await db().pair.findMany({ where: { projectId: project.id } });
  for (const [who, choice, ms] of [
    [careful, "B", 8000],
    [hasty, "A", 600],
  ] as const) {
    for (const pair of pairs) {
      const assignment = await db().assignment.create({
        data: {
          projectId: project.id,
          pairId: pair.id,
          userId: who.id,
          status: "DONE",
          expiresAt: new Date(),
          leftCandidateId: pair.candidateAId,
        },
      });
      await db().judgment.create({
        data: {
          clientId: randomUUID(),
          projectId: project.id,
          pairId: pair.id,
          userId: who.id,
          assignmentId: assignment.id,
          choice,
          leftCandidateId: pair.candidateAId,
          durationMs: ms,
        },
      });
    }
  }
  return { project, careful, hasty };
}

describe("labeler quality on the Labelers page", () => {
  it("lets a lead pause a labeler with a reason and see it in the history; the labeler gets 403 on the action", {
    timeout: 180_000,
  }, async () => {
    const { project, hasty } = await judgedProject();
    const lead = await createUser("LEAD");
    const path = `/projects/${project.slug}/labelers`;
    const [context, page] = await signedIn(lead, path);

    // The hasty labeler decided everything in 0.6 s: flagged by the default 30%-under-2 s rule.
    const flag = page.locator(`[data-flagged="${hasty.email}"]`);
    expect(await flag.textContent()).toContain("100% of decisions took under 2 s");
    await page.screenshot({ path: `${SHOTS}/labelers-quality-lead-laptop.png`, fullPage: true });
    await expectAccessible(page, "Labelers page as LEAD on a laptop");

    const row = page.locator(`tr[data-member="${hasty.email}"]`);
    await row.getByRole("button", { name: `Pause ${hasty.email}` }).click();
    const dialog = page.getByTestId("labeler-action-dialog");
    await dialog.getByRole("button", { name: "Pause" }).click();
    expect(await dialog.getByRole("alert").textContent()).toContain("Give a reason");
    await page.screenshot({ path: `${SHOTS}/labelers-pause-dialog.png` });
    await expectAccessible(page, "pause dialog");
    await dialog.getByLabel("Reason (required)").fill("Answers in under a second");
    await dialog.getByRole("button", { name: "Pause" }).click();
    await page
      .getByTestId("toast")
      .filter({ hasText: `${hasty.email} paused` })
      .waitFor();
    await eventually(
      () => row.getByTestId("member-status").textContent(),
      (status) => status === "paused",
    );
    const history = page.getByTestId("history");
    await history.getByText("Answers in under a second").waitFor();
    const historyRow = history.locator("tbody tr").first();
    expect(await historyRow.textContent()).toContain(lead.email);
    expect(await historyRow.textContent()).toContain("paused");
    const stored = await db().labelerAction.findFirstOrThrow({ where: { projectId: project.id } });
    expect(stored).toMatchObject({ userId: hasty.id, actorId: lead.id, action: "PAUSE" });
    await page.screenshot({ path: `${SHOTS}/labelers-quality-lead-paused.png`, fullPage: true });

    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId("history").waitFor();
    await page.screenshot({ path: `${SHOTS}/labelers-quality-lead-phone.png`, fullPage: true });
    await expectAccessible(page, "Labelers page as LEAD on a phone");
    await context.close();

    // The paused labeler: no pair from /next, and 403 on the lead's action route.
    const [labelerContext, labelerPage] = await signedIn(hasty, "/");
    const answers = await labelerPage.evaluate(
      async ({ slug, userId }) => {
        const next = await fetch(`/api/projects/${slug}/next`);
        const action = await fetch(`/api/projects/${slug}/labelers/${userId}/actions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ action: "UNPAUSE", reason: "let me in" }),
        });
        return {
          next: next.status,
          code: ((await next.json()) as { error?: { code?: string } }).error?.code,
          action: action.status,
        };
      },
      { slug: project.slug, userId: hasty.id },
    );
    expect(answers).toEqual({ next: 409, code: "LABELER_PAUSED", action: 403 });
    expect(await db().labelerAction.count({ where: { projectId: project.id } })).toBe(1);
    await labelerContext.close();
  });

  it("shows an ML engineer the figures without the actions, on a laptop and a phone", {
    timeout: 180_000,
  }, async () => {
    const { project, careful } = await judgedProject();
    const ml = await createUser("ML");
    for (const [name, viewport] of [
      ["laptop", LAPTOP],
      ["phone", PHONE],
    ] as const) {
      const [context, page] = await signedIn(ml, `/projects/${project.slug}/labelers`, viewport);
      await page.getByText("Labeler quality").first().waitFor();
      expect(await page.getByRole("button", { name: `Pause ${careful.email}` }).count()).toBe(0);
      expect(await page.getByText("Nobody has been paused or excluded yet.").count()).toBe(1);
      await page.screenshot({ path: `${SHOTS}/labelers-quality-ml-${name}.png`, fullPage: true });
      await expectAccessible(page, `Labelers page as ML on a ${name}`);
      await context.close();
    }
  });
});
