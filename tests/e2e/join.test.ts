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
  simplePairs,
  waitForPair,
} from "./fixtures";

const app = appAndBrowserPerFile();

describe("invite links", () => {
  it("signs a crowd worker in by worker id and shows the completion code once the quota is met", async () => {
    const project = await createTextProject({ pairs: simplePairs(5), quota: 2 });
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/join/${project.inviteCode}?workerId=W123`);
    await page.waitForURL(`${app.server.url}/label/${project.slug}`);

    let shown = await waitForPair(page);
    await page.keyboard.press("1");
    shown = await waitForPair(page, shown.assignmentId);
    await page.keyboard.press("2");

    const code = page.getByTestId("completion-code");
    await code.waitFor({ timeout: 15_000 });
    const worker = await db().user.findFirstOrThrow({ where: { externalId: `${project.id}:W123` } });
    const member = await db().membership.findUniqueOrThrow({
      where: { projectId_userId: { projectId: project.id, userId: worker.id } },
    });
    expect(await code.textContent()).toBe(member.completionCode);
    expect(await db().judgment.count({ where: { userId: worker.id } })).toBe(2);
    // The last pair before the quota is not prefetched, so no lease is left hanging.
    expect(await db().assignment.count({ where: { userId: worker.id, status: "ACTIVE" } })).toBe(0);
    await context.close();
  });

  it("says so when the invite code is unknown", async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/join/no-such-code?workerId=W1`);
    await page.getByTestId("invite-unknown").waitFor();
    expect(await page.getByTestId("invite-unknown").textContent()).toContain("not valid");
    await context.close();
  });

  it("signs a labeler up with email and password, showing the API's field errors", async () => {
    const project = await createTextProject({ pairs: simplePairs(2) });
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/join/${project.inviteCode}`);
    const email = `new-${Date.now()}@example.com`;
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', "short");
    await page.click('button[type="submit"]');
    await page.getByTestId("error-password").waitFor();
    expect(await page.getByTestId("error-password").textContent()).toContain("at least 8 characters");

    await page.fill('input[name="password"]', "a long enough password");
    await page.fill('input[name="name"]', "Ada");
    await page.click('button[type="submit"]');
    await page.waitForURL(`${app.server.url}/label/${project.slug}`);
    await waitForPair(page);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Ada");
    await context.close();
  });

  it("asks for a written response first when demonstrations are on, and stores it with its time", async () => {
    const project = await createTextProject({ pairs: simplePairs(1), demonstrations: true, demoRate: 1 });
    const labeler = await createLabeler(project.id);
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/login?callbackUrl=/label/${project.slug}`);
    await page.fill('input[name="email"]', labeler.email);
    await page.fill('input[name="password"]', labeler.password);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${app.server.url}/label/${project.slug}`);

    await page.locator('[data-testid="demonstration"][data-ready="true"]').waitFor();
    await expectAccessible(page, "the written-response screen");
    await page.getByTestId("demonstration-text").fill("Blue, like a clear sky.");
    await page.keyboard.press("Control+Enter");

    // With the only prompt answered, the next task is the pair (never one holding the labeler's own answer).
    const shown = await waitForPair(page);
    const pair = await db().pair.findUniqueOrThrow({
      where: { id: project.pairIds[0] },
      select: { candidateAId: true, candidateBId: true },
    });
    expect([pair.candidateAId, pair.candidateBId]).toContain(shown.leftCandidateId);
    const demonstration = await eventually(
      () => db().demonstration.findFirst({ where: { userId: labeler.id } }),
      (row) => row !== null,
    );
    expect(demonstration?.text).toBe("Blue, like a clear sky.");
    expect(demonstration?.durationMs).toBeGreaterThan(0);
    await context.close();
  });

  it("joins a signed-in user at once when they open an invite link", async () => {
    const project = await createTextProject({ pairs: simplePairs(2) });
    const user = await createUser("LABELER");
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.server.url, user, "/");
    await page.goto(`${app.server.url}/join/${project.inviteCode}`);
    await page.waitForURL(`${app.server.url}/label/${project.slug}`);
    await waitForPair(page);
    expect(await db().membership.count({ where: { projectId: project.id, userId: user.id } })).toBe(1);
    await context.close();
  });

  it("brings someone who signs in from the invite page back to the invite, which joins them", async () => {
    const project = await createTextProject({ pairs: simplePairs(2) });
    const user = await createUser("LABELER");
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}/join/${project.inviteCode}`);
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.waitForURL(/\/login\?callbackUrl=/);
    await page.fill('input[name="email"]', user.email);
    await page.fill('input[name="password"]', user.password);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${app.server.url}/label/${project.slug}`);
    await waitForPair(page);
    expect(await db().membership.count({ where: { projectId: project.id, userId: user.id } })).toBe(1);
    await context.close();
  });

  it("passes axe on a laptop and a phone", async () => {
    const project = await createTextProject({ pairs: simplePairs(1) });
    for (const [name, viewport] of [
      ["laptop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      const context = await app.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/join/${project.inviteCode}`);
      await page.getByTestId("join-form").waitFor();
      await page.screenshot({ path: `/tmp/shots/members-join-${name}.png`, fullPage: true });
      await expectAccessible(page, `join page on a ${name}`);
      await context.close();
    }
  });
});
