import type { DateRange } from "./quality";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The page's date filter: `from` and `to` as YYYY-MM-DD (UTC days, both included). A value that
 * is not such a date is ignored and reported, so a bad link shows every judgment, and says so.
 */
export function readDateRange(params: { from?: string | string[]; to?: string | string[] }): {
  range: DateRange;
  from: string;
  to: string;
  problems: string[];
} {
  const problems: string[] = [];
  const day = (value: string | string[] | undefined, name: string) => {
    const text = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
    if (!text) return { text: "", date: null };
    const date = new Date(`${text}T00:00:00Z`);
    if (!DAY.test(text) || Number.isNaN(date.getTime())) {
      problems.push(`"${text}" is not a date like 2026-12-31; the ${name} date is ignored.`);
      return { text: "", date: null };
    }
    return { text, date };
  };
  const from = day(params.from, "start");
  const to = day(params.to, "end");
  // `to` names a day that is included: the range ends at the next midnight.
  const end = to.date ? new Date(to.date.getTime() + 86_400_000) : null;
  return { range: { from: from.date, to: end }, from: from.text, to: to.text, problems };
}
