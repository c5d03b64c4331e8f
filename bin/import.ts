import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { disconnect } from "../lib/db";
import { cliEnvProblem } from "../lib/env";
import { DomainError } from "../lib/errors";
import { formatProblem, ImportError, importFile } from "../lib/import";
import { projectBySlug } from "../lib/projects";

const USAGE = "Usage: npm run import -- --project <slug> <file.jsonl>";

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(`${USAGE}\nImports prompts with candidates, one JSON object per line; all or nothing, safe to repeat.`);
    return 0;
  }
  const slug = args.values.project;
  const [file, ...extra] = args.positionals;
  if (!slug || !file || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const problem = cliEnvProblem();
  if (problem) {
    console.error(problem);
    return 2;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }

  try {
    const project = await projectBySlug(slug);
    const started = Date.now();
    const summary = await importFile(file, project);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Imported ${file} into project "${project.slug}" in ${seconds} s:`);
    console.log(`  prompts:    ${summary.prompts.created} new, ${summary.prompts.existing} already there`);
    console.log(`  candidates: ${summary.candidates.created} new, ${summary.candidates.existing} already there`);
    console.log(`  pairs:      ${summary.pairs.created} new (${summary.pairs.gold} of them gold)`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      for (const problem of error.problems) console.error(formatProblem(file, problem));
      const unlisted = error.problemCount - error.problems.length;
      if (unlisted > 0) console.error(`… and ${unlisted} more`);
      console.error(`${error.problemCount} ${error.problemCount === 1 ? "error" : "errors"}; nothing was imported.`);
      return 1;
    }
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await disconnect();
  }
}

function parse() {
  return parseArgs({
    options: { project: { type: "string", short: "p" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
}

// Exits explicitly: lib/db's disconnect() leaves the pg pool's idle clients open for ~10 s.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
