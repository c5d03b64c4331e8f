import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nextTask } from "../../lib/assign";
import { db } from "../../lib/db";
import { submitJudgment } from "../../lib/judgments";
import { expectAccessible } from "./a11y";
import {
  appAndBrowserPerFile,
  createLabeler,
  createTextProject,
  createUser,
  type LabelerFixture,
  signIn,
} from "./fixtures";

// The data browser as staff use it: a lead finds a labeler's rationale by filtering, opens the
// prompt, and sees its candidates and the judgment; every data page passes axe for each staff role.

const app = appAndBrowserPerFile();
const SHOTS = "/tmp/shots";
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const RATIONALE = "The second stanza of the left one scans; the other rhymes 'blue' with 'blue'.";

/** One judgment through the same functions the compare screen calls; `pickLeft` answers about the left side. */
async function judge(projectId: string, userId: string, rationale?: string) {
  const project = await db().project.findUniqueOrThrow({ where: { id: projectId } });
  const task = await nextTask(project, userId);
  if (task.kind !== "pair") throw new Error(`expected a pair, got ${task.kind}`);
  await submitJudgment(project, userId, {
    clientId: randomUUID(),
    assignmentId: task.assignmentId,
    choice: "A",
    durationMs: 4200,
    rationale,
  });
  const judgment = await db().judgment.findFirstOrThrow({
    where: { assignmentId: task.assignmentId },
    include: { pair: { include: { prompt: true, candidateA: true, candidateB: true } } },
  });
  const leftIsA = judgment.leftCandidateId === judgment.pair.candidateAId;
  return { judgment, left: leftIsA ? judgment.pair.candidateA : judgment.pair.candidateB, leftIsA };
}

/** A GO project with one prompt of two boards, to see boards drawn in the browser. */
async function goPrompt() {
  const suffix = randomUUID().slice(0, 8);
  const project = await db().project.create({
    data: { slug: `e2e-go-${suffix}`, name: `Go ${suffix}`, kind: "GO", inviteCode: `go-${suffix}`, goldRate: 0 },
  });
  const row = (stones: string) => stones.padEnd(9, ".");
  const board = (extra: string) => ({
    size: 9,
    komi: 7.5,
    toPlay: "W",
    position: [row(""), row(""), row("..X"), row(""), row(extra), row(""), row("......O"), row(""), row("")].join("/"),
    lastMove: null,
  });
  const prompt = await db().prompt.create({
    data: { projectId: project.id, externalId: "go-1", text: "Which position is better for Black?" },
  });
  const [a, b] = await Promise.all(
    ["....X", "X"].map((extra, i) =>
      db().candidate.create({
        data: { promptId: prompt.id, externalId: `m${i}`, text: extra, source: "playout-policy", board: board(extra) },
      }),
    ),
  );
  await db().pair.create({
    data: {
      projectId: project.id,
      promptId: prompt.id,
      candidateAId: a?.id ?? "",
      candidateBId: b?.id ?? "",
      openSlots: 3,
      shuffleKey: 1,
    },
  });
  return { slug: project.slug, promptId: prompt.id };
}

async function look(page: Page, name: string, where: string) {
  await expectAccessible(page, where);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe("the data browser", () => {
  it("lets a lead find a judgment's rationale by filtering, then open its prompt", async () => {
    await mkdir(SHOTS, { recursive: true });
    const project = await createTextProject({
      name: "Colour poems",
      rationale: "OPTIONAL",
      pairs: [
        {
          prompt: "Write a poem about the sea.",
          a: "Blue, blue, the sea is **blue**.",
          b: "Grey waves fold\nover cold stones.",
        },
        { prompt: "Write a haiku about rain.", a: "Rain on the tin roof", b: "Drops. Then more drops." },
      ],
    });
    const [ada, bob] = [await createLabeler(project.id), await createLabeler(project.id)];
    const withReason = await judge(project.id, ada.id, RATIONALE);
    await judge(project.id, ada.id);
    await judge(project.id, bob.id, "Bob's reason, which the filter must hide.");
    const lead = await createUser("LEAD");

    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const base = `${app.server.url}/projects/${project.slug}/data`;
    await signIn(page, app.server.url, lead, `/projects/${project.slug}/data`);
    await expect(page.getByTestId("judgment").count()).resolves.toBe(3);
    await look(page, "data-judgments-lead-laptop", "judgments, lead, laptop");

    await page.getByLabel("Labeler").fill(ada.email);
    await page.getByLabel("Rationale").selectOption("with");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/rationale=with/);
    expect(new URL(page.url()).searchParams.get("labeler")).toBe(ada.email);
    const cards = page.getByTestId("judgment");
    await expect(cards.count()).resolves.toBe(1);
    const card = (await cards.first().textContent()) ?? "";
    expect(card).toContain(RATIONALE);
    expect(card).toContain(`shown left: ${withReason.leftIsA ? "A" : "B"}`);
    // The labeler picked the left side; the card names that candidate, in the pair's terms.
    expect(card).toContain(`Chose ${withReason.leftIsA ? "A" : "B"} · ${withReason.left.externalId}`);
    await look(page, "data-judgments-filtered-lead-laptop", "filtered judgments, lead, laptop");

    await page.getByRole("link", { name: `Prompt ${withReason.judgment.pair.prompt.externalId}` }).click();
    await page.waitForURL(new RegExp(`/data/prompts/${withReason.judgment.pair.promptId}#pair-`));
    await expect(page.getByTestId("candidate").count()).resolves.toBe(2);
    const pair = page.locator(`#pair-${withReason.judgment.pairId}`);
    const row = pair.getByTestId("pair-judgment").filter({ hasText: ada.email });
    await expect(row.textContent()).resolves.toContain(RATIONALE);
    await expect(page.getByTestId("candidate").first().textContent()).resolves.toContain("source: model-a");
    await look(page, "data-prompt-lead-laptop", "prompt, lead, laptop");

    await page.goto(`${base}?labeler=nobody%40example.com`);
    // The section streams in behind its loading skeleton: wait for the words, not the load event.
    await page.getByText("No labeler “nobody@example.com” in this project").waitFor();
    await page.goto(`${base}?choice=BOTH_BAD`);
    await page.getByText("No judgments match these filters — clear them.").waitFor();
    await page.goto(`${base}/prompts?q=haiku`);
    await page.getByRole("link", { name: "p1", exact: true }).waitFor();
    await expect(page.getByRole("link", { name: "p0", exact: true }).count()).resolves.toBe(0);
    // A pair's own address leads to its place on the prompt's page.
    await page.goto(`${base}/pairs/${withReason.judgment.pairId}`);
    await page.waitForURL(
      new RegExp(`/data/prompts/${withReason.judgment.pair.promptId}#pair-${withReason.judgment.pairId}$`),
    );
    await context.close();
  });

  it("passes axe on every data page for lead, ML engineer and admin, on a laptop and a phone", async () => {
    const project = await createTextProject({
      rationale: "OPTIONAL",
      pairs: [{ prompt: "Name a colour.", a: "Blue.", b: "Green, like *moss*." }],
    });
    const labeler = await createLabeler(project.id);
    const { judgment } = await judge(project.id, labeler.id, "Moss is a nicer picture.");
    const go = await goPrompt();
    const pages = [
      ["judgments", `/projects/${project.slug}/data`],
      ["prompts", `/projects/${project.slug}/data/prompts`],
      ["prompt", `/projects/${project.slug}/data/prompts/${judgment.pair.promptId}`],
      ["go-prompt", `/projects/${go.slug}/data/prompts/${go.promptId}`],
    ] as const;
    const roles: [string, LabelerFixture][] = [
      ["lead", await createUser("LEAD")],
      ["ml", await createUser("ML")],
      ["admin", await createUser("ADMIN")],
    ];
    for (const [role, user] of roles) {
      const context = await app.browser.newContext({ viewport: LAPTOP });
      const page = await context.newPage();
      await signIn(page, app.server.url, user, pages[0][1]);
      for (const [viewport, size] of [
        ["laptop", LAPTOP],
        ["phone", PHONE],
      ] as const) {
        await page.setViewportSize(size);
        for (const [name, path] of pages) {
          await page.goto(`${app.server.url}${path}`);
          await expect(page.locator("h2", { hasText: "Data" }).count()).resolves.toBe(1);
          await look(page, `data-${name}-${role}-${viewport}`, `${name}, ${role}, ${viewport}`);
        }
      }
      await context.close();
    }
    // Labelers get no data browser.
    const context = await app.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await signIn(page, app.server.url, labeler, `/label/${project.slug}`);
    await page.goto(`${app.server.url}/projects/${project.slug}/data`);
    await expect(page.locator("main").textContent()).resolves.toContain("Not for your role");
    await context.close();
    // Three roles, two viewports, four pages: two dozen axe runs.
  }, 600_000);
});
