import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "lib", "components", "public", "next.config.js", "package-lock.json", "postcss.config.mjs"];

/** Builds the production app when there is no build or a source file is newer than it. */
export async function ensureBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const buildId = path.resolve(".next/BUILD_ID");
  if (existsSync(buildId) && newestMtime(SOURCES) <= statSync(buildId).mtimeMs) return;
  console.log("Building the web app (first run or changed sources; takes a minute or two) …");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestMtime(readdirSync(p).map((name) => path.join(p, name))));
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}
