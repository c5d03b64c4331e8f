import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { db } from "../../lib/db";
import { submitJudgment } from "../../lib/judgments";
import { appAndBrowserPerFile, createLabeler, createTextProject, createUser, signIn, waitForPair } from "./fixtures";

// Hostile text in every field a page shows (project name, guidelines, prompt, candidates,
// rationale, user name): it is shown as text, never run. Each payload would set window.__xss and
// open a dialog if it ran; the pages are also searched for the nodes it would inject.

const app = appAndBrowserPerFile();
const PAYLOAD = [
  `<img src=x onerror="window.__xss=1;alert('img')">`,
  `<script>window.__xss=1;alert('script')</script>`,
  `<svg onload="window.__xss=1;alert('svg')"></svg>`,
  `"><iframe src="javascript:alert('iframe')"></iframe>`,
  `[click me](javascript:window.__xss=1;alert('link'))`,
].join(" ");

type Exposure = { ran: unknown; injected: string[]; dialogs: string[] };

async function exposure(page: Page, dialogs: string[]): Promise<Exposure> {
  const found = await page.evaluate(() => {
    const nodes = [
      ...document.querySelectorAll('img[src="x"], [onerror], [onload], iframe, a[href^="javascript:" i]'),
      // An injected script is the payload's own; Next's flight data carries the text as a JSON string.
      ...[...document.scripts].filter((s) => s.textContent?.trim().startsWith("window.__xss")),
    ];
    return {
      ran: (window as unknown as { __xss?: unknown }).__xss ?? null,
      injected: nodes.map((node) => node.outerHTML.slice(0, 200)),
    };
  });
  return { ...found, dialogs: [...dialogs] };
}

async function visit(page: Page, url: string, dialogs: string[], ready?: () => Promise<unknown>): Promise<Exposure> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await ready?.();
  return exposure(page, dialogs);
}

const clean: Exposure = { ran: null, injected: [], dialogs: [] };

describe("hostile text in what pages show", () => {
  it("never runs in the compare screen, the data browser, the labelers page or the project switcher", async () => {
    const project = await createTextProject({
      name: `Poems ${PAYLOAD}`,
      pairs: [
        { prompt: `Prompt ${PAYLOAD}`, a: `Left ${PAYLOAD}`, b: `Right ${PAYLOAD}` },
        ...[1, 2].map((i) => ({
          prompt: `Plain prompt ${i}`,
          a: "a",
          b: "b",
        })),
      ],
      rationale: "OPTIONAL",
    });
    await db().project.update({ where: { id: project.id }, data: { guidelines: `# Guidelines\n\n${PAYLOAD}` } });
    const labeler = await createLabeler(project.id);
    await db().user.update({ where: { id: labeler.id }, data: { name: `Mallory ${PAYLOAD}` } });

    // A judgment with a hostile rationale, by a labeler with a hostile name.
    const writer = await createLabeler(project.id);
    await db().user.update({ where: { id: writer.id }, data: { name: `Eve ${PAYLOAD}` } });
    const row = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    const task = await nextTask(row, writer.id);
    if (task.kind !== "pair") throw new Error("expected a pair");
    await submitJudgment(row, writer.id, {
      clientId: randomUUID(),
      assignmentId: task.assignmentId,
      choice: "A",
      durationMs: 1000,
      rationale: `Because ${PAYLOAD}`,
    });
    const pairId = (await db().assignment.findUniqueOrThrow({ where: { id: task.assignmentId } })).pairId;

    const base = app.server.url;
    const labelerPage = await app.browser.newPage();
    const labelerDialogs: string[] = [];
    labelerPage.on("dialog", (dialog) => {
      labelerDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(labelerPage, base, labeler, `/label/${project.slug}`);
    // The guidelines come first, before any pair.
    await labelerPage.getByRole("button", { name: /start labeling/ }).waitFor();
    expect(await labelerPage.locator("body").textContent()).toContain("onerror=");
    expect(await exposure(labelerPage, labelerDialogs)).toEqual(clean);
    await labelerPage.getByRole("button", { name: /start labeling/ }).click();
    await waitForPair(labelerPage);
    await labelerPage.screenshot({ path: "/tmp/shots/proof-xss-compare.png" });
    expect(await exposure(labelerPage, labelerDialogs)).toEqual(clean);
    await labelerPage.close();

    const admin = await createUser("ADMIN");
    const page = await app.browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, base, admin, "/");
    for (const path of [
      "/",
      `/projects/${project.slug}`,
      `/projects/${project.slug}/data`,
      `/projects/${project.slug}/data/prompts`,
      `/projects/${project.slug}/data/pairs/${pairId}`,
      `/projects/${project.slug}/labelers`,
      `/projects/${project.slug}/settings`,
    ]) {
      expect({ path, ...(await visit(page, `${base}${path}`, dialogs)) }).toEqual({ path, ...clean });
    }
    // The header's project switcher (a native select) lists the project by its hostile name, as text.
    await page.goto(`${base}/projects/${project.slug}`);
    const option = page.locator("header select option", { hasText: "onerror=" });
    expect(await option.count()).toBeGreaterThanOrEqual(1);
    expect(await exposure(page, dialogs)).toEqual(clean);
    await page.close();
  }, 240_000);
});
