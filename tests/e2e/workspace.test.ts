import { mkdir } from "node:fs/promises";
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./a11y";
import { appAndBrowserPerFile, createLabeler, createTextProject, createUser, signIn, simplePairs } from "./fixtures";

// The staff workspace's frame: one header, the project's sections, for each role that sees them,
// on a laptop and on a phone. Screenshots land in /tmp/shots for a person to look at.

const app = appAndBrowserPerFile();
const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const SHOTS = "/tmp/shots";

async function contextFor(viewport: keyof typeof VIEWPORTS): Promise<BrowserContext> {
  return app.browser.newContext({ viewport: VIEWPORTS[viewport], isMobile: viewport === "phone" });
}

describe("the staff workspace", () => {
  for (const role of ["ADMIN", "LEAD"] as const) {
    for (const viewport of ["laptop", "phone"] as const) {
      it(`shows the project's sections to a ${role.toLowerCase()} on a ${viewport}, accessibly`, async () => {
        const project = await createTextProject({ pairs: simplePairs(3), name: `Workspace ${role} ${viewport}` });
        const user = await createUser(role);
        const context = await contextFor(viewport);
        const page = await context.newPage();
        await mkdir(SHOTS, { recursive: true });

        await signIn(page, app.server.url, user, `/projects/${project.slug}`);
        await expect(page.getByTestId("signed-in-role").textContent()).resolves.toBe(
          role === "ADMIN" ? "admin" : "data lead",
        );
        const nav = page.getByRole("navigation", { name: "Project sections" });
        await expect(nav.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).resolves.toBe("page");
        await expect(page.getByRole("combobox", { name: "Project" }).inputValue()).resolves.toBe(project.slug);
        await expectAccessible(page, `overview as ${role} on a ${viewport}`);
        await page.screenshot({ path: `${SHOTS}/overview-${role}-${viewport}.png`, fullPage: true });

        await nav.getByRole("link", { name: "Labelers" }).click();
        await page.waitForURL(`${app.server.url}/projects/${project.slug}/labelers`);
        await expect(nav.getByRole("link", { name: "Labelers" }).getAttribute("aria-current")).resolves.toBe("page");
        await page.getByText("No members yet.").waitFor();
        await expectAccessible(page, `labelers as ${role} on a ${viewport}`);
        await page.screenshot({ path: `${SHOTS}/labelers-${role}-${viewport}.png`, fullPage: true });

        await page.goto(`${app.server.url}/`);
        await expectAccessible(page, `home as ${role} on a ${viewport}`);
        const missing = await page.goto(`${app.server.url}/projects/no-such-project-here`);
        expect(missing?.status()).toBe(404);
        await expectAccessible(page, `404 page on a ${viewport}`);
        if (role === "ADMIN") {
          await page.goto(`${app.server.url}/admin`);
          await expectAccessible(page, `admin page on a ${viewport}`);
          await page.screenshot({ path: `${SHOTS}/admin-${viewport}.png`, fullPage: true });
        }
        await context.close();
      });
    }
  }

  it("switches projects from the header", async () => {
    const first = await createTextProject({ pairs: simplePairs(1), name: "Switcher one" });
    const second = await createTextProject({ pairs: simplePairs(1), name: "Switcher two" });
    const context = await contextFor("laptop");
    const page = await context.newPage();
    await signIn(page, app.server.url, await createUser("ML"), `/projects/${first.slug}`);
    await page.getByRole("combobox", { name: "Project" }).selectOption(second.slug);
    await page.waitForURL(`${app.server.url}/projects/${second.slug}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Switcher two");
    await context.close();
  });

  it("gives a labeler their projects without the staff navigation, and no staff page", async () => {
    const project = await createTextProject({ pairs: simplePairs(1), name: "Labeler home project" });
    const labeler = await createLabeler(project.id);
    for (const viewport of ["laptop", "phone"] as const) {
      const context = await contextFor(viewport);
      const page = await context.newPage();
      await page.goto(`${app.server.url}/login`);
      await expectAccessible(page, `sign-in page on a ${viewport}`);
      await signIn(page, app.server.url, labeler, "/");
      await expect(page.getByText("Labeler home project").count()).resolves.toBe(1);
      await expect(page.getByRole("combobox", { name: "Project" }).count()).resolves.toBe(0);
      await expectAccessible(page, `labeler home on a ${viewport}`);
      await page.screenshot({ path: `${SHOTS}/home-labeler-${viewport}.png`, fullPage: true });
      // A staff page says it is not for labelers, whether or not the project exists.
      await page.goto(`${app.server.url}/projects/no-such-project-here`);
      await page.getByRole("heading", { name: "Not for your role" }).waitFor();
      await context.close();
    }
  });
});
