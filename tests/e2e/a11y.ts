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
