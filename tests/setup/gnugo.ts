import { spawnSync } from "node:child_process";
import { GnuGoUnavailable, gnugoPath } from "../../lib/go/gnugo";

/** GNU Go for the tests: as root a missing one is installed with apt-get, like Chromium. */
export function ensureGnuGo(): string {
  try {
    return gnugoPath();
  } catch (error) {
    if (!(error instanceof GnuGoUnavailable) || process.getuid?.() !== 0) throw error;
  }
  console.log("[gnugo] not installed: running apt-get install -y gnugo");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (spawnSync("apt-get", ["install", "-y", "gnugo"], { stdio: "inherit", env }).status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "gnugo"], { stdio: "inherit", env });
  }
  return gnugoPath();
}
