import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatProblem, ImportError, importFile } from "../lib/import";
import { projectBySlug } from "../lib/projects";
import { runCli } from "./cli";

const USAGE = `Usage: npm run import -- --project <slug> <file.jsonl>
Imports prompts with candidates, one JSON object per line; all or nothing, safe to repeat.`;

type Args = { slug: string; file: string };

runCli<Args>({
  usage: USAGE,
  database: true,
  parse: () => {
    const { values, positionals } = parseArgs({
      options: { project: { type: "string", short: "p" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
    if (values.help) return "help";
    const [file, ...extra] = positionals;
    if (!values.project) throw new Error("--project <slug> is required");
    if (!file) throw new Error("give the JSONL file to import");
    if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
    return { slug: values.project, file };
  },
  run: async ({ slug, file }) => {
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
    } catch (error) {
      console.error(`Cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const project = await projectBySlug(slug);
    const started = Date.now();
    const summary = await importFile(file, project);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Imported ${file} into project "${project.slug}" in ${seconds} s:`);
    console.log(`  prompts:    ${summary.prompts.created} new, ${summary.prompts.existing} already there`);
    console.log(`  candidates: ${summary.candidates.created} new, ${summary.candidates.existing} already there`);
    console.log(`  pairs:      ${summary.pairs.created} new (${summary.pairs.gold} of them gold)`);
    return 0;
  },
  explain: (error, { file }) => {
    if (!(error instanceof ImportError)) return undefined;
    for (const problem of error.problems) console.error(formatProblem(file, problem));
    const unlisted = error.problemCount - error.problems.length;
    if (unlisted > 0) console.error(`… and ${unlisted} more`);
    console.error(`${error.problemCount} ${error.problemCount === 1 ? "error" : "errors"}; nothing was imported.`);
    return 1;
  },
});
