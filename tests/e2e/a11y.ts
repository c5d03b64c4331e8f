import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

// axe-core, the npm package, injected into the page as it is shipped (no test-runner wrapper).
const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe on the page as it is now; fails with each critical or serious violation named. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script tag just added.
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations as Violation[];
  });
  const serious = violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility of ${where}`).toEqual([]);
}

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** axe at a laptop and a phone viewport, with a full-page screenshot of each in /tmp/shots to look at. */
export async function checkBothViewports(page: Page, where: string, shot: string): Promise<void> {
  mkdirSync("/tmp/shots", { recursive: true });
  for (const [name, size] of [
    ["laptop", LAPTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await expectAccessible(page, `${where} (${name})`);
    await page.screenshot({ path: `/tmp/shots/${shot}-${name}.png`, fullPage: true });
  }
  await page.setViewportSize(LAPTOP);
}
