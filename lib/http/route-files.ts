import { readdirSync } from "node:fs";
import path from "node:path";

/** A route handler file under app/api and the URL of its folder, with [params] as written on disk. */
export type RouteFile = { file: string; route: string };

/** Every route.ts under `apiDir` (app/api), sorted by URL, so a route added later is found without a list. */
export function findRouteFiles(apiDir: string): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(apiDir, { recursive: true, encoding: "utf8" })) {
    if (path.basename(entry) !== "route.ts") continue;
    const folder = path
      .dirname(entry)
      .split(path.sep)
      .filter((s) => s !== ".");
    found.push({ file: path.join(apiDir, entry), route: ["/api", ...folder].join("/") });
  }
  return found.sort((a, b) => a.route.localeCompare(b.route));
}
