import Link from "next/link";
import type { LabelerName } from "@/lib/stats/agreement-data";
import type { StatsFilterForm } from "@/lib/stats/agreement-filter";

type Props = { action: string; form: StatsFilterForm; labelers: LabelerName[]; problems: string[] };

/** Date range and labeler filters for the statistics pages; a plain GET form, so the address keeps them. */
export function StatsFilterFormView({ action, form, labelers, problems }: Props) {
  const filtered = form.from || form.to || form.labelers.length > 0;
  return (
    <div className="mb-6 space-y-3">
      <form
        action={action}
        method="get"
        className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col gap-1">
          From
          <input
            type="date"
            name="from"
            defaultValue={form.from}
            className="rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          To (inclusive)
          <input type="date" name="to" defaultValue={form.to} className="rounded border border-stone-300 px-2 py-1" />
        </label>
        <details className="min-w-48">
          <summary className="cursor-pointer rounded border border-stone-300 px-2 py-1">
            {form.labelers.length > 0 ? `${form.labelers.length} labelers chosen` : "All labelers"}
          </summary>
          <fieldset className="mt-2 max-h-56 overflow-y-auto rounded border border-stone-200 p-2">
            <legend className="sr-only">Labelers</legend>
            {labelers.length === 0 && <p className="text-stone-600">Nobody has judged yet.</p>}
            {labelers.map((l) => (
              <label key={l.userId} className="flex items-center gap-2 py-0.5">
                <input
                  type="checkbox"
                  name="labeler"
                  value={l.userId}
                  defaultChecked={form.labelers.includes(l.userId)}
                />
                <span className="break-all">{l.label}</span>
              </label>
            ))}
          </fieldset>
        </details>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 font-medium text-white hover:bg-stone-700">
          Apply
        </button>
        {filtered && (
          <Link className="underline underline-offset-4" href={action}>
            Clear filters
          </Link>
        )}
      </form>
      {problems.length > 0 && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Some filters in the address were left out:</p>
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {form.labelers.length > 0 && (
        <p className="text-sm text-stone-600">
          Only the chosen labelers’ judgments count: the figures are their agreement with each other.
        </p>
      )}
    </div>
  );
}
