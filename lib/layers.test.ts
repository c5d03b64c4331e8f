import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The pure layers — featurizers, trainer, evaluation, ONNX, synthetic data, Go rules, pair
// planning, the browser's client code — are what a reader, a test or a CLI can use without a
// server. They must never reach the database, the job queue, HTTP handling or Next.js, directly
// or through a relative path into a layer that does.
const ROOT = path.resolve(import.meta.dirname, "..");
const PURE = [
  "lib/rm/index.ts",
  "lib/rm/features",
  "lib/rm/train",
  "lib/rm/eval",
  "lib/rm/onnx",
  "lib/rm/synthetic",
  "lib/go",
  "lib/export/rows",
  "lib/export/encode",
  "lib/pairs",
  "lib/client",
  "lib/random.ts",
  "lib/errors.ts",
  "lib/agreement",
  "lib/quality",
  "lib/lab",
];
const FORBIDDEN_PACKAGES = [/^next($|\/)/, /^next-auth($|\/)/, /^pg($|\/)/, /^pg-boss($|\/)/, /^@prisma\//];
const FORBIDDEN_FOLDERS = [
  "lib/db",
  "lib/jobs",
  "lib/generated",
  "lib/http",
  "lib/auth",
  "lib/rm/service",
  "lib/lab-service",
  "app",
];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  let entries: string[];
  try {
    entries = readdirSync(full, { recursive: true, encoding: "utf8" });
  } catch {
    return /\.tsx?$/.test(entry) ? [entry] : [];
  }
  return entries.filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(entry, f));
}

/** Every module a file imports or re-exports, statically or with import(). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g))
    found.push(match[1] ?? "");
  return found;
}

/** Why an import from `file` breaks the layering, or null. */
function layerViolation(file: string, specifier: string): string | null {
  if (FORBIDDEN_PACKAGES.some((p) => p.test(specifier))) return `imports the package ${specifier}`;
  let target: string;
  if (specifier.startsWith("@/")) target = specifier.slice(2);
  else if (specifier.startsWith(".")) target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
  else return null;
  const folder = FORBIDDEN_FOLDERS.find((f) => target === f || target.startsWith(`${f}/`));
  return folder ? `imports ${specifier} (inside ${folder})` : null;
}

describe("layers", () => {
  const files = PURE.flatMap(sourceFiles);

  it("finds the pure layers' files (the check would pass vacuously otherwise)", () => {
    expect(files).toEqual(
      expect.arrayContaining(["lib/rm/train/train.ts", "lib/rm/features/featurize.ts", "lib/go/board.ts"]),
    );
    expect(files.length).toBeGreaterThan(60);
  });

  it("keeps the pure layers away from the database, jobs, HTTP and Next.js", () => {
    const violations = files.flatMap((file) =>
      importsOf(readFileSync(path.join(ROOT, file), "utf8")).flatMap((specifier) => {
        const why = layerViolation(file, specifier);
        return why ? [`${file} ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });

  it("recognizes a violation when it sees one", () => {
    expect(layerViolation("lib/rm/train/train.ts", "../../db")).toMatch(/lib\/db/);
    expect(layerViolation("lib/rm/eval/card.ts", "../service/versions")).toMatch(/lib\/rm\/service/);
    expect(layerViolation("lib/go/board.ts", "@/lib/jobs")).toMatch(/lib\/jobs/);
    expect(layerViolation("lib/client/api.ts", "next/server")).toMatch(/next\/server/);
    expect(layerViolation("lib/rm/train/train.ts", "./model")).toBeNull();
    expect(layerViolation("lib/rm/train/setup.ts", "../../go/candidate")).toBeNull();
  });
});
