import type { FormProblems } from "./form-problems";

/** What is wrong with the form, in one place above the button; each field also says it. */
export function ProblemSummary({ problems }: { problems: FormProblems }) {
  if (!problems.summary) return null;
  return (
    <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      Nothing was saved. {problems.summary}
    </p>
  );
}
