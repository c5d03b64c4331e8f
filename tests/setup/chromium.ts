import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

// Flags checked on this environment (see shared/DESIGN.md): no sandbox as root in containers, no
// GPU, and nothing that reaches out to Google's services during a test.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const INSTALL = ["install", "-y", "chromium"];

/**
 * Debian's Chromium (`npx playwright install` cannot download here). As root a missing browser is
 * installed with apt-get; otherwise the error names the command to run.
 */
export function chromiumPath(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}. Install it with:\n  sudo apt-get install -y chromium`,
    );
  }
  console.log(`[e2e] ${CHROMIUM_PATH} is missing: running apt-get ${INSTALL.join(" ")}`);
  if (!aptGet(INSTALL)) {
    console.log("[e2e] apt-get install failed (package lists may be missing): running apt-get update, then retrying");
    aptGet(["update"]);
    if (!aptGet(INSTALL)) throw new Error("apt-get install -y chromium failed; see the output above.");
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`);
  console.log(`[e2e] installed ${CHROMIUM_PATH}`);
  return CHROMIUM_PATH;
}

function aptGet(args: string[]): boolean {
  const result = spawnSync("apt-get", args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

/** A headless Chromium with a fresh temporary profile; give each test its own context. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
