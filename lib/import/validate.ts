import { readLines } from "./lines";
import { type ImportProblem, MAX_LISTED_PROBLEMS } from "./problems";
import { type LineRules, parsePromptLine } from "./record";

export type ImportCheck = {
  /** Prompt lines that are valid. */
  prompts: number;
  candidates: number;
  gold: number;
  /** The first MAX_LISTED_PROBLEMS problems, in line order. */
  errors: ImportProblem[];
  /** All problems, listed or not. */
  errorCount: number;
};

/**
 * Pass 1 of an import: checks every line and collects every problem, without touching the
 * database. Memory holds one line and the prompt ids seen so far (to name both lines of a duplicate).
 */
export async function validateImportFile(path: string, project: LineRules): Promise<ImportCheck> {
  const check: ImportCheck = { prompts: 0, candidates: 0, gold: 0, errors: [], errorCount: 0 };
  const report = (problem: ImportProblem) => {
    check.errorCount++;
    if (check.errors.length < MAX_LISTED_PROBLEMS) check.errors.push(problem);
  };
  const firstLineOf = new Map<string, number>();
  let lines = 0;
  for await (const { line, text } of readLines(path)) {
    lines++;
    const parsed = parsePromptLine(text, project);
    if (parsed.problems) {
      for (const problem of parsed.problems) report({ line, ...problem });
      continue;
    }
    const { record } = parsed;
    const first = firstLineOf.get(record.id);
    if (first !== undefined) {
      report({
        line,
        field: "id",
        message: `duplicate prompt id ${JSON.stringify(record.id)} (first at line ${first})`,
      });
      continue;
    }
    firstLineOf.set(record.id, line);
    check.prompts++;
    check.candidates += record.candidates.length;
    check.gold += record.gold.length;
  }
  if (lines === 0) report({ line: 0, field: "", message: "the file has no prompt lines (it is empty or blank)" });
  return check;
}
