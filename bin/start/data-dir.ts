import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export function dataDir(): string {
  return path.resolve(process.env.VIBECHECK_DATA_DIR ?? ".data");
}

/** A session-signing secret kept with the data, so sign-ins survive restarts. */
export async function loadOrCreateSecret(dir: string): Promise<string> {
  const file = path.join(dir, "nextauth-secret");
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return (await readFile(file, "utf8")).trim();
}
