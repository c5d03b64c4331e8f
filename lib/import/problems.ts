import { DomainError } from "../errors";

/** One thing wrong with an import file. `field` is a path inside the line, or "" for the whole line. */
export type ImportProblem = { line: number; field: string; message: string };

/** Problems kept in full; beyond this only the count grows, so a broken 1 GB file stays cheap to report. */
export const MAX_LISTED_PROBLEMS = 100;

/** `line 17: candidates[2].text: expected a non-empty string` */
export function describeProblem(problem: ImportProblem): string {
  const field = problem.field ? `${problem.field}: ` : "";
  return `line ${problem.line}: ${field}${problem.message}`;
}

/** `poems.jsonl:17: candidates[2].text: expected a non-empty string` (compiler style, for the CLI). */
export function formatProblem(file: string, problem: ImportProblem): string {
  const field = problem.field ? ` ${problem.field}:` : "";
  return `${file}:${problem.line}:${field} ${problem.message}`;
}

/**
 * An import file that cannot be imported; nothing was written. `details` (sent to API callers)
 * holds the first MAX_LISTED_PROBLEMS problems, `problemCount` how many there were in all.
 */
export class ImportError extends DomainError {
  constructor(
    readonly problems: ImportProblem[],
    readonly problemCount: number = problems.length,
  ) {
    const first = problems[0] ? ` First: ${describeProblem(problems[0])}.` : "";
    const listed = problemCount > problems.length ? ` (the first ${problems.length} are listed)` : "";
    super(
      "INVALID_IMPORT",
      `The import file has ${problemCount} ${problemCount === 1 ? "error" : "errors"}${listed}; nothing was imported.${first} Fix the file and import it again.`,
      problems,
    );
    this.name = "ImportError";
  }
}
