import type { AgreementFilter } from "./agreement-data";

export type StatsSearchParams = Record<string, string | string[] | undefined>;

/** What the filter form shows: days as typed (YYYY-MM-DD, `to` inclusive) and the chosen labelers. */
export type StatsFilterForm = { from?: string; to?: string; labelers: string[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text);
}

const list = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The Agreement and Leaderboard pages' filters from the address: `from` and `to` are whole UTC
 * days (to inclusive), `labeler` may repeat. Bad values are left out with a sentence saying so.
 */
export function readStatsFilter(params: StatsSearchParams): {
  filter: AgreementFilter;
  form: StatsFilterForm;
  problems: string[];
} {
  const filter: AgreementFilter = {};
  const form: StatsFilterForm = { labelers: list(params.labeler).filter((l) => l !== "") };
  const problems: string[] = [];
  for (const key of ["from", "to"] as const) {
    const day = list(params[key])[0];
    if (!day) continue;
    if (!isDay(day)) {
      problems.push(`${key === "from" ? "From" : "To"} must be a date like 2026-11-29, not "${day}".`);
      continue;
    }
    form[key] = day;
    const start = new Date(`${day}T00:00:00Z`);
    filter[key] = key === "from" ? start : new Date(start.getTime() + 24 * 3600 * 1000);
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    problems.push(`From (${form.from}) is after To (${form.to}): no day is in that range; swap them.`);
  }
  if (form.labelers.length > 0) filter.labelerIds = form.labelers;
  return { filter, form, problems };
}
