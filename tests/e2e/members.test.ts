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
  waitForPair,
} from "./fixtures";

const app = appAndBrowserPerFile();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

async function signedIn(who: LabelerFixture, path: string, viewport = LAPTOP): Promise<[BrowserContext, Page]> {
  const context = await app.browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, app.server.url, who, path);
  return [context, page];
}

const member = (page: Page, label: string) => page.locator(`tr[data-member="${label}"]`);

describe("the Labelers page", () => {
  it("lets an admin add an existing labeler by email, who then sees the project and labels it", {
    timeout: 120_000,
  }, async () => {
    const project = await createTextProject({ pairs: simplePairs(3), name: "Members project" });
    const admin = await createUser("ADMIN");
    const labeler = await createUser("LABELER");

    const [adminContext, page] = await signedIn(admin, `/projects/${project.slug}/labelers`);
    await page.getByText("No members yet").waitFor();
    await page.screenshot({ path: "/tmp/shots/members-labelers-empty-admin.png", fullPage: true });
    await page.fill("#member-email", "nobody@example.com");
    await page.getByRole("button", { name: "Add member" }).click();
    expect(await page.locator("#member-email-error").textContent()).toContain(
      "No account has the email nobody@example.com",
    );

    await page.fill("#member-email", labeler.email);
    await page.getByRole("button", { name: "Add member" }).click();
    await page
      .getByTestId("toast")
      .filter({ hasText: `${labeler.email} added` })
      .waitFor();
    await member(page, labeler.email).waitFor();
    expect(await member(page, labeler.email).getByTestId("member-status").textContent()).toBe("active");

    const [labelerContext, labelerPage] = await signedIn(labeler, "/");
    await labelerPage.getByText("Members project").waitFor();
    await labelerPage.getByRole("link", { name: "Label" }).click();
    await labelerPage.waitForURL(`${app.server.url}/label/${project.slug}`);
    const shown = await waitForPair(labelerPage);
    await labelerPage.keyboard.press("1");
    await waitForPair(labelerPage, shown.assignmentId);
    await eventually(
      () => db().judgment.count({ where: { projectId: project.id, userId: labeler.id } }),
      (n) => n === 1,
    );

    await page.reload();
    await member(page, labeler.email).waitFor();
    const row = member(page, labeler.email);
    expect(await row.locator("td").nth(3).textContent()).toBe("1");
    expect(await row.locator("time").textContent()).toBe("just now");
    await page.screenshot({ path: "/tmp/shots/members-labelers-admin.png", fullPage: true });

    await row.getByRole("button", { name: `Remove ${labeler.email}` }).click();
    await row.getByRole("button", { name: `Yes, remove ${labeler.email}` }).click();
    await page.getByTestId("toast").filter({ hasText: "removed" }).waitFor();
    await eventually(
      () => row.getByTestId("member-status").textContent(),
      (status) => status === "not a member",
    );
    expect(await db().judgment.count({ where: { projectId: project.id, userId: labeler.id } })).toBe(1);
    await adminContext.close();
    await labelerContext.close();
  });

  it("shows the invite link as a full URL to copy, and an admin's new link makes the old one stop working", {
    timeout: 120_000,
  }, async () => {
    const project = await createTextProject({ pairs: simplePairs(1) });
    const admin = await createUser("ADMIN");
    const [context, page] = await signedIn(admin, `/projects/${project.slug}/labelers`);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });
    const oldUrl = `${app.server.url}/join/${project.inviteCode}`;
    expect(await page.getByTestId("invite-url").inputValue()).toBe(oldUrl);

    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByTestId("toast").filter({ hasText: "Invite link copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(oldUrl);

    await page.getByRole("button", { name: "Replace with a new link…" }).click();
    await page.getByRole("button", { name: "Replace the link" }).click();
    await page.getByTestId("toast").filter({ hasText: "the old one no longer works" }).waitFor();
    const newUrl = await eventually(
      () => page.getByTestId("invite-url").inputValue(),
      (url) => url !== oldUrl,
    );
    const stored = await db().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(newUrl).toBe(`${app.server.url}/join/${stored.inviteCode}`);

    const visitor = await app.browser.newContext();
    const visit = await visitor.newPage();
    await visit.goto(oldUrl);
    await visit.getByTestId("invite-unknown").waitFor();
    await visit.goto(newUrl);
    await visit.getByTestId("join-form").waitFor();
    await visitor.close();
    await context.close();
  });

  it.each(["ADMIN", "LEAD"] as const)(
    "passes axe for a %s, on a laptop and a phone",
    async (role) => {
      const project = await createTextProject({ pairs: simplePairs(2) });
      const labeler = await createLabeler(project.id);
      const worker = await db().user.create({
        data: { name: "W-77", externalId: `${project.id}:W-77`, role: "LABELER" },
      });
      await db().membership.create({ data: { projectId: project.id, userId: worker.id, completionCode: "ABC" } });
      await db().user.update({ where: { id: labeler.id }, data: { deactivatedAt: new Date() } });
      const who = await createUser(role);
      for (const [name, viewport] of [
        ["laptop", LAPTOP],
        ["phone", PHONE],
      ] as const) {
        const [context, page] = await signedIn(who, `/projects/${project.slug}/labelers`, viewport);
        await member(page, labeler.email).waitFor();
        expect(await member(page, labeler.email).getByTestId("member-status").textContent()).toBe("deactivated");
        expect(await page.getByRole("button", { name: "Replace with a new link…" }).count()).toBe(
          role === "ADMIN" ? 1 : 0,
        );
        await page.screenshot({
          path: `/tmp/shots/members-labelers-${role.toLowerCase()}-${name}.png`,
          fullPage: true,
        });
        await expectAccessible(page, `Labelers page as ${role} on a ${name}`);
        await context.close();
      }
    },
    180_000,
  );
});

describe("the admin's user list", () => {
  it("changes a role, resets a password (shown once) and deactivates a user", { timeout: 120_000 }, async () => {
    const admin = await createUser("ADMIN");
    const user = await createUser("LABELER");
    const [context, page] = await signedIn(admin, "/admin");
    const row = page.locator(`tr[data-user="${user.email}"]`);

    await row.getByLabel(`Role of ${user.email}`).selectOption("LEAD");
    await page.getByTestId("toast").filter({ hasText: "is now LEAD" }).waitFor();
    await eventually(
      async () => (await db().user.findUniqueOrThrow({ where: { id: user.id } })).role,
      (role) => role === "LEAD",
    );

    await row.getByRole("button", { name: "Reset password" }).click();
    const password = await row.getByTestId("new-password").textContent();
    expect(password?.length).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: "/tmp/shots/members-admin-password.png", fullPage: true });

    await row.getByRole("button", { name: "Deactivate" }).click();
    await page.getByTestId("toast").filter({ hasText: "deactivated" }).waitFor();
    await eventually(
      () => row.getByTestId("user-status").textContent(),
      (status) => status === "deactivated",
    );

    const other = await app.browser.newContext();
    const login = await other.newPage();
    await login.goto(`${app.server.url}/login`);
    await login.fill('input[name="email"]', user.email);
    await login.fill('input[name="password"]', password ?? "");
    await login.click('button[type="submit"]');
    expect(await login.locator('form p[role="alert"]').textContent()).toContain("deactivated");
    await other.close();
    await context.close();
  });

  it("passes axe on a laptop and a phone", { timeout: 180_000 }, async () => {
    const admin = await createUser("ADMIN");
    for (const [name, viewport] of [
      ["laptop", LAPTOP],
      ["phone", PHONE],
    ] as const) {
      const [context, page] = await signedIn(admin, "/admin", viewport);
      await page.getByTestId("users").waitFor();
      await page.screenshot({ path: `/tmp/shots/members-admin-${name}.png`, fullPage: true });
      await expectAccessible(page, `admin page on a ${name}`);
      await context.close();
    }
  });
});
