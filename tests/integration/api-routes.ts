import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Every API route, found on disk, so a route added later is covered without editing the tests.
const API = path.resolve(import.meta.dirname, "../../app/api");
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type RouteFile = { file: string; url: string };

/** Every route.ts under app/api, its dynamic segments written as x (/api/projects/x/next). */
export function routeFiles(): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url = `/api/${path
          .relative(API, dir)
          .split(path.sep)
          .map((segment) => (segment.startsWith("[") ? "x" : segment))
          .join("/")}`.replace(/\/$/, "");
        found.push({ file: full, url });
      }
    }
  };
  walk(API);
  return found;
}

/** "METHOD /api/…" for every handler the route files export. */
export function routes(): string[] {
  const found: string[] = [];
  for (const { file, url } of routeFiles()) {
    const source = readFileSync(file, "utf8");
    for (const method of METHODS) {
      if (new RegExp(`export (const|async function|function) ${method}\\b|as ${method}\\b`).test(source))
        found.push(`${method} ${url}`);
    }
  }
  return found.sort();
}
