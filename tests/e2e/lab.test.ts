import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seedGoLabProject } from "../../lib/demo/go-lab";
import { runBestOfN } from "../../lib/lab-service";
import { expectAccessible } from "./a11y";
import { appAndBrowserPerFile, createUser, signIn } from "./fixtures";

// The Lab page of a Go project whose reward model learned from simulated labelers with a vibe:
// both curves with their intervals, the fitted peak in words, the table, and the earlier curves.

const app = appAndBrowserPerFile();

async function screenshots(page: Page) {
  if (process.env.VIBECHECK_SCREENSHOT !== "1") return;
  await page.screenshot({ path: path.resolve(import.meta.dirname, "../../public/screenshot-lab.png"), fullPage: true });
  await mkdir("/tmp/shots", { recursive: true });
  await page.screenshot({ path: "/tmp/shots/lab-laptop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/shots/lab-phone.png", fullPage: true });
  console.log("[e2e] screenshots: public/screenshot-lab.png, /tmp/shots/lab-laptop.png, /tmp/shots/lab-phone.png");
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("the Lab page", () => {
  it(
    "shows the proxy and truth curves of best-of-n with their bands, and each computed round",
    async () => {
      const project = await seedGoLabProject({ slug: "go-lab-e2e", name: "Go lab", vibe: 2, prompts: 60 });
      expect(project.currentModelId).not.toBeNull();
      const lead = await createUser("LEAD");
      const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, app.server.url, lead, `/projects/${project.slug}/lab`);
      await expect(page.getByText("No curve yet").count()).resolves.toBe(1);

      const options = { positions: 16, samples: 8, playouts: 200, bootstrap: 300 };
      await runBestOfN(project, { ...options, seed: 1 });
      await runBestOfN(project, { ...options, seed: 2 });
      await page.reload();
      const chart = page.getByTestId("goodhart-chart");
      await chart.locator(".recharts-line").first().waitFor();
      // Two lines (proxy, truth), each with its interval band.
      await expect(chart.locator(".recharts-line").count()).resolves.toBe(2);
      await expect(chart.locator(".recharts-area").count()).resolves.toBe(2);
      await expect(chart.textContent()).resolves.toMatch(/Reward model score \(proxy\).*True win probability/);
      await expect(page.getByTestId("goodhart-table").locator("tbody tr").count()).resolves.toBe(8);
      await expect(page.getByTestId("lab-summary").textContent()).resolves.toMatch(
        /went from \d+\.\d% \(one move, no choice\) to \d+\.\d% at n = 8/,
      );
      await expect(page.getByTestId("lab-rounds").locator("tbody tr").count()).resolves.toBe(2);
      await expectAccessible(page, "the Lab page");
      await screenshots(page);

      // The button queues a computation by the worker and says so.
      await page.getByRole("button", { name: "Compute the curve" }).click();
      await page.waitForURL(/\/lab\?bon=queued$/);
      await expect(page.getByRole("status").textContent()).resolves.toContain("The curve is queued");
      await context.close();
    },
    20 * 60_000,
  );
});
