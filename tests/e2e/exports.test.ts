import { mkdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./a11y";
import { appAndBrowserPerFile, createTextProject, createUser, signIn, simplePairs } from "./fixtures";

// The Exports section: ML engineers and admins choose an export, download it, and find its
// manifest listed; other staff roles do not see the section. Screenshots land in /tmp/shots.

const app = appAndBrowserPerFile();
const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const SHOTS = "/tmp/shots";

describe("the Exports section", () => {
  for (const viewport of ["laptop", "phone"] as const) {
    it(`names a bad filter, downloads an export and lists its manifest, on a ${viewport}`, async () => {
      const project = await createTextProject({ pairs: simplePairs(3), name: `Exports ${viewport}` });
      const context = await app.browser.newContext({
        viewport: VIEWPORTS[viewport],
        isMobile: viewport === "phone",
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await mkdir(SHOTS, { recursive: true });
      await signIn(page, app.server.url, await createUser("ML"), `/projects/${project.slug}/exports`);
      await page.getByText("No exports yet.").waitFor();
      await expectAccessible(page, `exports (empty) on a ${viewport}`);
      await page.screenshot({ path: `${SHOTS}/exports-exports-empty-${viewport}.png`, fullPage: true });

      await page.getByLabel("Minimum agreement (0–1)").fill("1.5");
      await page.getByRole("button", { name: "Download export" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "must be a number from 0 to 1" }).count()).resolves.toBe(
        1,
      );
      await expectAccessible(page, `exports with an error on a ${viewport}`);

      await page.getByLabel("Minimum agreement (0–1)").fill("0.5");
      await page.getByLabel("File type").selectOption("parquet");
      await page.getByLabel("Raw votes", { exact: false }).check();
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download export" }).click();
      expect((await download).suggestedFilename()).toMatch(new RegExp(`^${project.slug}-votes-.*\\.parquet$`));
      await (await download).path(); // the whole file has arrived, so the manifest is stored
      await page.reload();
      const manifests = page.getByTestId("manifests");
      await manifests.waitFor();
      await expect(manifests.textContent()).resolves.toContain("Raw votes · PARQUET · 0 rows");
      await expect(manifests.textContent()).resolves.toContain("agreement ≥ 0.5");
      await expectAccessible(page, `exports with a manifest on a ${viewport}`);
      await page.screenshot({ path: `${SHOTS}/exports-exports-listed-${viewport}.png`, fullPage: true });
      await context.close();
    });
  }

  it("is not in a data lead's navigation, and its page says so", async () => {
    const project = await createTextProject({ pairs: simplePairs(1), name: "Exports lead" });
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.server.url, await createUser("LEAD"), `/projects/${project.slug}`);
    const nav = page.getByRole("navigation", { name: "Project sections" });
    await nav.getByRole("link", { name: "Labelers" }).waitFor();
    await expect(nav.getByRole("link", { name: "Exports" }).count()).resolves.toBe(0);
    await page.goto(`${app.server.url}/projects/${project.slug}/exports`);
    await page.getByText("Not for your role").waitFor();
    await context.close();
  });
});
