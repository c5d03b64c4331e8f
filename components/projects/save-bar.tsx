import type { FormProblems } from "./form-problems";
import { ProblemSummary } from "./problem-summary";

/** The settings forms' submit bar, kept in view while the long form scrolls, with what was refused. */
export function SaveBar({
  problems,
  saving,
  label,
  busyLabel,
}: {
  problems: FormProblems;
  saving: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <div className="sticky bottom-0 space-y-2 border-t border-stone-200 bg-stone-50/95 py-3">
      <ProblemSummary problems={problems} />
      <button
        type="submit"
        disabled={saving}
        className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {saving ? busyLabel : label}
      </button>
    </div>
  );
}
