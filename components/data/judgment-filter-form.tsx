import Link from "next/link";
import type { JudgmentFilters, LabelerOption } from "@/lib/browse";

const field = "flex flex-col gap-1 text-sm";
const input = "rounded border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900";

/** A GET form: the filters live in the address, so every filtered view has a URL to share. */
export function JudgmentFilterForm({
  action,
  filters,
  members,
}: {
  action: string;
  filters: JudgmentFilters;
  members: LabelerOption[];
}) {
  return (
    <form
      method="get"
      action={action}
      aria-label="Filter judgments"
      className="mb-6 grid grid-cols-2 gap-3 rounded border border-stone-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
    >
      <label className={`${field} col-span-2 sm:col-span-3 lg:col-span-2`}>
        <span>Labeler</span>
        <input
          name="labeler"
          list="labeler-options"
          defaultValue={filters.labeler ?? ""}
          placeholder="email or worker id"
          className={input}
        />
        <datalist id="labeler-options">
          {members.map((m) => (
            <option key={m.userId} value={m.label} />
          ))}
        </datalist>
      </label>
      <label className={field}>
        <span>Choice</span>
        <select name="choice" defaultValue={filters.choice ?? ""} className={input}>
          <option value="">Any</option>
          <option value="A">A (the pair's first candidate)</option>
          <option value="B">B (the pair's second candidate)</option>
          <option value="TIE">Tie</option>
          <option value="BOTH_BAD">Both bad</option>
        </select>
      </label>
      <label className={field}>
        <span>Rationale</span>
        <select name="rationale" defaultValue={filters.rationale ?? ""} className={input}>
          <option value="">Any</option>
          <option value="with">With a rationale</option>
          <option value="without">Without</option>
        </select>
      </label>
      <label className={field}>
        <span>Gold pairs</span>
        <select name="gold" defaultValue={filters.gold ?? ""} className={input}>
          <option value="">Included</option>
          <option value="only">Only gold pairs</option>
          <option value="exclude">Left out</option>
        </select>
      </label>
      <div className="col-span-2 grid grid-cols-2 gap-3 sm:col-span-1 lg:col-span-1 lg:grid-cols-1">
        <label className={field}>
          <span>From (UTC)</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={input} />
        </label>
        <label className={field}>
          <span>To (UTC)</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={input} />
        </label>
      </div>
      <div className="col-span-2 flex items-center gap-4 sm:col-span-3 lg:col-span-6">
        <button type="submit" className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white">
          Filter
        </button>
        <Link href={action} className="text-sm underline underline-offset-4">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
