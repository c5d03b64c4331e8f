import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { expectAccessible } from "./a11y";
import {
  appAndBrowserPerFile,
  createTextProject,
  createUser,
  LAPTOP,
  type LabelerFixture,
  PHONE,
  signedInContext,
  simplePairs,
} from "./fixtures";

const app = appAndBrowserPerFile();

const signedIn = (who: LabelerFixture, path: string, viewport = LAPTOP) => signedInContext(app, who, path, viewport);

const exportWith = (slug: string, token: string) =>
  fetch(`${app.server.url}/api/projects/${slug}/export`, { headers: { authorization: `Bearer ${token}` } });

describe("the API tokens page", () => {
  it("lets an ML engineer create a token (shown once), use it, and revoke it", { timeout: 120_000 }, async () => {
    const project = await createTextProject({ pairs: simplePairs(2), name: "Tokens project" });
    const ml = await createUser("ML");
    const [context, page] = await signedIn(ml, "/");
    await page.getByRole("link", { name: "API", exact: true }).click();
    await page.waitForURL(`${app.server.url}/account/tokens`);
    await page.getByText("No tokens yet").waitFor();
    // An ML engineer may not grant import:write (admins only): it is not offered.
    expect(await page.locator('input[value="import:write"]').count()).toBe(0);
    await expectAccessible(page, "the empty tokens page");
    await page.screenshot({ path: "/tmp/shots/tokens-empty-laptop.png", fullPage: true });

    await page.getByLabel("Name").fill("nightly export");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByRole("alert").filter({ hasText: "Choose at least one scope" }).waitFor();
    await page.getByRole("checkbox", { name: /export:read/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = await page.getByTestId("new-token").textContent();
    expect(shown).toMatch(/^vck_/);
    const token = shown ?? "";
    await page.locator('[data-token="nightly export"]').waitFor();
    expect(await page.locator('[data-token="nightly export"]').textContent()).toContain(token.slice(0, 8));
    await expectAccessible(page, "the tokens page with a new token");
    await page.screenshot({ path: "/tmp/shots/tokens-created-laptop.png", fullPage: true });

    expect((await exportWith(project.slug, token)).status).toBe(200);
    await page.reload();
    // Shown once: after a reload only the prefix is on the page.
    expect(await page.content()).not.toContain(token.slice(8));
    expect(await page.locator('[data-token="nightly export"]').textContent()).toContain("last used");

    await page.getByRole("button", { name: "Revoke nightly export" }).click();
    await page
      .getByTestId("revoke-dialog")
      .getByRole("button", { name: /Revoke token/ })
      .click();
    await page.getByTestId("toast").filter({ hasText: "revoked" }).waitFor();
    await page
      .locator('[data-token="nightly export"]')
      .getByTestId("token-status")
      .filter({ hasText: /^revoked/ })
      .waitFor();
    const refused = await exportWith(project.slug, token);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toContain("revoked");
    await context.close();

    const [phone, phonePage] = await signedIn(ml, "/account/tokens", PHONE);
    await phonePage.locator('[data-token="nightly export"]').waitFor();
    await expectAccessible(phonePage, "the tokens page on a phone");
    await phonePage.screenshot({ path: "/tmp/shots/tokens-phone.png", fullPage: true });
    await phone.close();
  });

  it("shows an admin everyone's tokens; a labeler gets the page refused", { timeout: 60_000 }, async () => {
    const admin = await createUser("ADMIN");
    const owner = await db().user.create({ data: { email: `owner-${Date.now()}@example.com`, role: "ML" } });
    await db().apiToken.create({
      data: {
        name: "someone else's",
        ownerId: owner.id,
        scopes: ["score"],
        secretHash: "0".repeat(64),
        prefix: "vck_abcd",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const [context, page] = await signedIn(admin, "/account/tokens");
    await page
      .locator(`[data-token="someone else's"]`)
      .filter({ hasText: owner.email ?? "" })
      .waitFor();
    expect(await page.locator('input[value="import:write"]').count()).toBe(1);
    await context.close();

    const labeler = await createUser("LABELER");
    const [labelerContext, labelerPage] = await signedIn(labeler, "/account/tokens");
    await labelerPage.getByText("Not for your role").waitFor();
    await labelerContext.close();
  });
});

describe("the API reference page", () => {
  it("lists the routes with their scopes, readable on a laptop and a phone", { timeout: 60_000 }, async () => {
    const lead = await createUser("LEAD");
    const [context, page] = await signedIn(lead, "/");
    await page.getByRole("link", { name: "API", exact: true }).click();
    await page.waitForURL(`${app.server.url}/docs/api`);
    const exportOp = page.locator("#getProjectsSlugExport");
    await exportOp.waitFor();
    expect(await exportOp.textContent()).toContain("export:read");
    expect(await page.locator("#postRmScore").textContent()).toContain("candidates");
    await expectAccessible(page, "the API reference");
    await page.screenshot({ path: "/tmp/shots/api-docs-laptop.png" });
    await page.locator("#postRmScore").screenshot({ path: "/tmp/shots/api-docs-score-laptop.png" });
    await page.setViewportSize(PHONE);
    await expectAccessible(page, "the API reference on a phone");
    await page.screenshot({ path: "/tmp/shots/api-docs-phone.png" });
    const spec = await (await fetch(`${app.server.url}/api/openapi.json`)).json();
    expect(spec.openapi).toBe("3.1.0");
    await context.close();
  });
});
