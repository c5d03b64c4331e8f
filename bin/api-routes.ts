/**
 * `npm run api:routes`: rewrites app/api/route-modules.ts, the list of route files the API reference
 * (GET /api/openapi.json) is built from. Next.js cannot list route modules at run time, so the list
 * is a file; tests/integration/openapi.test.ts fails, naming this command, when it is stale.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { findRouteFiles } from "../lib/http/route-files";

const API = path.resolve(import.meta.dirname, "../app/api");
export const MANIFEST = path.join(API, "route-modules.ts");

export function manifestSource(): string {
  const routes = findRouteFiles(API);
  const imports = routes.map(
    (r, i) =>
      `import * as m${i} from "./${path.relative(API, r.file).replace(/\.ts$/, "").split(path.sep).join("/")}";`,
  );
  const entries = routes.map((r, i) => `  { route: "${r.route}", module: m${i} },`);
  return `// Written by \`npm run api:routes\` from the route files under app/api: do not edit by hand.
import type { RouteModule } from "@/lib/http/openapi";
${imports.join("\n")}

export const ROUTE_MODULES: RouteModule[] = [
${entries.join("\n")}
];
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(MANIFEST, manifestSource());
  // Sorted and formatted as the linter wants, so the written file passes `npm run lint` as it is.
  execFileSync("npx", ["biome", "check", "--write", MANIFEST], { stdio: "inherit" });
  console.log(`Wrote ${path.relative(process.cwd(), MANIFEST)} (${findRouteFiles(API).length} route files).`);
}
