import { type Cursor, decodeCursor } from "./cursor";

export const CHOICES = ["A", "B", "TIE", "BOTH_BAD"] as const;
export type ChoiceFilter = (typeof CHOICES)[number];

/** What the judgments list is narrowed to; every field comes from the page's URL. */
export type JudgmentFilters = {
  /** Email, crowd worker id or user id. */
  labeler?: string;
  choice?: ChoiceFilter;
  rationale?: "with" | "without";
  gold?: "only" | "exclude";
  /** First day included, UTC, YYYY-MM-DD. */
  from?: string;
  /** Last day included, UTC, YYYY-MM-DD. */
  to?: string;
  after?: Cursor;
};

export type SearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A real calendar day: Date would roll 2026-02-30 over into March.
const isDay = (text: string) => {
  if (!DAY.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text);
};
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/**
 * Reads the filters from a URL's parameters. A value that is not understood is left out and
 * explained in `problems`, in the words of the filter form, so a hand-edited URL still shows a page.
 */
export function readJudgmentFilters(params: SearchParams): { filters: JudgmentFilters; problems: string[] } {
  const filters: JudgmentFilters = {};
  const problems: string[] = [];
  const labeler = first(params.labeler);
  if (labeler) filters.labeler = labeler;
  const choice = first(params.choice);
  if (choice) {
    if ((CHOICES as readonly string[]).includes(choice)) filters.choice = choice as ChoiceFilter;
    else problems.push(`Choice must be A, B, TIE or BOTH_BAD, not "${choice}".`);
  }
  const rationale = first(params.rationale);
  if (rationale) {
    if (rationale === "with" || rationale === "without") filters.rationale = rationale;
    else problems.push(`Rationale must be "with" or "without", not "${rationale}".`);
  }
  const gold = first(params.gold);
  if (gold) {
    if (gold === "only" || gold === "exclude") filters.gold = gold;
    else problems.push(`Gold must be "only" or "exclude", not "${gold}".`);
  }
  for (const [key, label] of [
    ["from", "From"],
    ["to", "To"],
  ] as const) {
    const day = first(params[key]);
    if (!day) continue;
    if (isDay(day)) filters[key] = day;
    else problems.push(`${label} must be a date like 2026-11-29, not "${day}".`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push(`From (${filters.from}) is after To (${filters.to}): no day is in that range; swap them.`);
  }
  const after = first(params.after);
  if (after) {
    const cursor = decodeCursor(after);
    if (cursor) filters.after = cursor;
    else problems.push("The page position in the address is damaged; showing the first page.");
  }
  return { filters, problems };
}

/** The URL query of `filters` (without the page position unless given): links keep the filters. */
export function judgmentFilterQuery(filters: JudgmentFilters, after?: string): string {
  const entries: [string, string][] = [];
  for (const key of ["labeler", "choice", "rationale", "gold", "from", "to"] as const) {
    const value = filters[key];
    if (value) entries.push([key, value]);
  }
  if (after) entries.push(["after", after]);
  return new URLSearchParams(entries).toString();
}

/** The half-open instant range [from 00:00 UTC, day after `to` 00:00 UTC) of a day range. */
export function dayRange(filters: Pick<JudgmentFilters, "from" | "to">): { since?: Date; until?: Date } {
  const since = filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined;
  const until = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000) : undefined;
  return { since, until };
}
