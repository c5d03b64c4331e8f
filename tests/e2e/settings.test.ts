import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { shuffleKey } from "../../lib/pairs/plan";
import { checkBothViewports, LAPTOP } from "./a11y";
import {
  appAndBrowserPerFile,
  createLabeler,
  createTextProject,
  createUser,
  eventually,
  signIn,
  simplePairs,
  waitForPair,
} from "./fixtures";

// An admin sets a project up entirely in the browser; a labeler then labels it under those settings.

const app = appAndBrowserPerFile();

const SHOTS = "/tmp/shots";
mkdirSync(SHOTS, { recursive: true });

/** Reloads the page until `selector` shows, for changes that reach the server's caches within seconds. */
async function reloadUntil(page: Page, selector: string) {
  await eventually(
    async () => {
      await page.reload();
      return page
        .locator(selector)
        .first()
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
    },
    (shown) => shown,
    20_000,
  );
}

/** Prompts with two candidates and one pair each, added to a project made in the browser. */
async function addPairs(projectId: string, k: number, count: number) {
  for (const [index, content] of simplePairs(count).entries()) {
    const prompt = await db().prompt.create({
      data: { projectId, externalId: `p${index}`, text: content.prompt },
    });
    const a = await db().candidate.create({
      data: { promptId: prompt.id, externalId: `a${index}`, text: content.a, source: "model-a" },
    });
    const b = await db().candidate.create({
      data: { promptId: prompt.id, externalId: `b${index}`, text: content.b, source: "model-b" },
    });
    await db().pair.create({
      data: {
        projectId,
        promptId: prompt.id,
        candidateAId: a.id,
        candidateBId: b.id,
        openSlots: k,
        shuffleKey: shuffleKey(),
      },
    });
  }
}

describe("project settings in the browser", () => {
  it("an admin creates and edits a project in the UI; a member labels it with those settings in force", {
    timeout: 240_000,
  }, async () => {
    const admin = await createUser("ADMIN");
    const slug = `ui-${randomBytes(3).toString("hex")}`;
    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, admin, "/admin");
    await page.getByRole("link", { name: "New project" }).click();
    await page.waitForURL(`${app.server.url}/admin/projects/new`);
    await checkBothViewports(page, "the new-project form", "new-project");

    await page.getByLabel("Name", { exact: true }).fill("Kind answers");
    await page.getByLabel("Slug", { exact: true }).fill(slug);
    await page.getByLabel("Judgments per pair (k)").fill("0");
    await page.getByRole("button", { name: "Create project" }).click();
    // Checked in the browser with the server's schema: the message names the field as the form shows it.
    await expect(page.locator("#setting-k-problem").textContent()).resolves.toBe(
      "Judgments per pair (k) must be at least 1.",
    );
    await page.getByText("Nothing was saved. Judgments per pair (k) must be at least 1.").waitFor();
    await page.screenshot({ path: `${SHOTS}/new-project-problem.png`, fullPage: true });
    expect(await db().project.count({ where: { slug } })).toBe(0);

    await page.getByLabel("Judgments per pair (k)").fill("2");
    await page.getByLabel("Allow ties").uncheck();
    await page.getByRole("radio", { name: "Required" }).check();
    await page.getByLabel("Gold rate").fill("0");
    await page.getByLabel("Question").fill("Which answer is kinder?");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(`${app.server.url}/projects/${slug}/settings`);
    await expect(page.getByTestId("toast").first().textContent()).resolves.toContain('Project "Kind answers" created');
    const created = await db().project.findUniqueOrThrow({ where: { slug } });
    expect(created).toMatchObject({
      k: 2,
      allowTie: false,
      rationale: "REQUIRED",
      goldRate: 0,
      question: "Which answer is kinder?",
    });
    await addPairs(created.id, created.k, 3);

    // Edit on the Settings page: strength scale on, and a wrong value first.
    await checkBothViewports(page, "the settings page as admin", "settings-admin");
    await page.getByLabel("Lease length (seconds)").fill("2");
    await page.getByLabel("Strength scale").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#setting-leaseSeconds-problem").textContent()).resolves.toBe(
      "Lease length (seconds) must be at least 5.",
    );
    expect((await db().project.findUniqueOrThrow({ where: { slug } })).strengthScale).toBe(false);
    await page.getByLabel("Lease length (seconds)").fill("300");
    await page.getByRole("button", { name: "Save settings" }).click();
    await eventually(
      () => db().project.findUniqueOrThrow({ where: { slug } }),
      (p) => p.strengthScale && p.leaseSeconds === 300,
    );
    await page.getByText("Settings saved.").first().waitFor();

    // The labeler, added as a member, labels under the new settings.
    const labeler = await createLabeler(created.id);
    const labelerContext = await app.browser.newContext({ viewport: LAPTOP });
    const labeling = await labelerContext.newPage();
    await signIn(labeling, app.server.url, labeler, `/label/${slug}`);
    await waitForPair(labeling);
    await expect(labeling.getByTestId("question").textContent()).resolves.toBe("Which answer is kinder?");
    expect(await labeling.locator('[data-choice="TIE"]').count()).toBe(0);
    expect(await labeling.locator('[data-choice="BOTH_BAD"]').count()).toBe(1);
    await labeling.getByRole("button", { name: /^Clearly better/ }).click();
    await labeling.locator('[data-choice="A"]').click();
    await labeling.getByText("This project needs a short reason for every decision").waitFor();
    expect(await db().judgment.count({ where: { projectId: created.id } })).toBe(0);
    await labeling.getByTestId("rationale").fill("A is warmer.");
    await labeling.locator('[data-choice="A"]').click();
    const [judgment] = await eventually(
      () => db().judgment.findMany({ where: { projectId: created.id } }),
      (rows) => rows.length === 1,
    );
    expect(judgment).toMatchObject({ rationale: "A is warmer.", strength: 2 });

    // Archived: the labeler is told so; unarchived: pairs come again.
    await page.getByRole("button", { name: "Archive project" }).click();
    await page.getByRole("heading", { name: "This project is archived" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/settings-archived.png`, fullPage: true });
    // Every server bundle keeps the project for up to 5 s, so the change may take that long.
    await reloadUntil(labeling, '[role="alert"]:has-text("This project is archived")');
    await page.getByRole("button", { name: "Unarchive project" }).click();
    await page.getByRole("heading", { name: "Archive", exact: true }).waitFor();
    await reloadUntil(labeling, '[data-testid="pair"][data-ready="true"]');
    await labelerContext.close();

    // Delete: only once the slug is typed.
    const remove = page.getByRole("button", { name: "Delete project" });
    await expect(remove.isDisabled()).resolves.toBe(true);
    await page.getByLabel(`Type ${slug} to confirm`).fill(slug);
    await remove.click();
    await page.waitForURL(`${app.server.url}/admin`);
    expect(await db().project.count({ where: { slug } })).toBe(0);
    await context.close();
  });

  it("a Go project's ground truth is chosen when it is made and changed on its Settings page", {
    timeout: 180_000,
  }, async () => {
    const admin = await createUser("ADMIN");
    const slug = `go-${randomBytes(3).toString("hex")}`;
    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, admin, "/admin/projects/new");
    const tree = page.getByRole("radio", { name: "Tree search (UCT)" });
    // A text project has no ground truth to choose; choosing Go shows it, tree search picked.
    expect(await page.getByRole("group", { name: "Ground truth" }).count()).toBe(0);
    await page.getByLabel("Kind", { exact: true }).selectOption("GO");
    await expect(tree.isChecked()).resolves.toBe(true);
    await checkBothViewports(page, "the new-project form for a Go project", "new-project-go");
    await page.getByRole("radio", { name: "Random playouts" }).check();
    await page.getByLabel("Name", { exact: true }).fill("Go 9x9");
    await page.getByLabel("Slug", { exact: true }).fill(slug);
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(`${app.server.url}/projects/${slug}/settings`);
    expect(await db().project.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      kind: "GO",
      goTruthEstimator: "random-playouts/v1",
    });

    await page.getByRole("group", { name: "Ground truth" }).waitFor();
    await checkBothViewports(page, "a Go project's settings as admin", "settings-go");
    await tree.check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await eventually(
      () => db().project.findUniqueOrThrow({ where: { slug } }),
      (p) => p.goTruthEstimator === "uct/v2",
    );
    // The answer comes after the commit and the queued recomputation, so the row can change first.
    await page.getByText("Settings saved.").first().waitFor();
    await context.close();
  });

  it("a lead sees the settings read-only, without archive or delete", { timeout: 120_000 }, async () => {
    const project = await createTextProject({ pairs: simplePairs(1) });
    const lead = await createUser("LEAD");
    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, lead, `/projects/${project.slug}/settings`);
    await page.getByText("Only admins change settings; you see them read-only.").waitFor();
    await expect(page.getByLabel("Judgments per pair (k)").isDisabled()).resolves.toBe(true);
    expect(await page.getByRole("button", { name: "Save settings" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Archive project" }).count()).toBe(0);
    await checkBothViewports(page, "the settings page as lead", "settings-lead");
    // Only Go projects have a ground truth to choose.
    expect(await page.getByRole("group", { name: "Ground truth" }).count()).toBe(0);
    const refused = await page.request.patch(`${app.server.url}/api/projects/${project.slug}/settings`, {
      data: { k: 9 },
    });
    expect(refused.status()).toBe(403);
    await context.close();
  });
});
