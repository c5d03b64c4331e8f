import { db } from "../db";

const DAY_MS = 86_400_000;
/** The current rate is measured over this many days (fewer for a project younger than that). */
export const RATE_DAYS = 7;

export type ProjectProgress = {
  /** Judgments per UTC day from the first judgment to today, days without any included (0). */
  perDay: { day: string; judgments: number }[];
  /** Regular pairs by their number of judgments: "0", "1", …, and `${k}+` for complete ones. */
  pairsByCount: { judgments: string; pairs: number }[];
  regularPairs: number;
  completePairs: number;
  /** Judgments regular pairs still need to reach k each. */
  remaining: number;
  /** Judgments on regular pairs per day over the last RATE_DAYS days; 0 when there were none. */
  perDayRecently: number;
  /** Days to finish at that rate; null when finished or when there were no recent judgments. */
  daysToFinish: number | null;
  finishAt: Date | null;
};

/**
 * Labeling progress for the overview, aggregated in SQL: per-day counts read the
 * (projectId, createdAt) index, pair counts read the Pair rows' judgmentCount.
 */
export async function projectProgress(project: { id: string; k: number }, now = new Date()): Promise<ProjectProgress> {
  const since = new Date(now.getTime() - RATE_DAYS * DAY_MS);
  const [days, counts, recent] = await Promise.all([
    db().$queryRaw<{ day: string; judgments: number }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, judgments FROM (
        -- Group first, format the few groups after: to_char on every row costs more than the count.
        SELECT date_trunc('day', "createdAt" AT TIME ZONE 'UTC') AS day, count(*)::int AS judgments
        FROM "Judgment" WHERE "projectId" = ${project.id}
        GROUP BY 1) AS days
      ORDER BY 1`,
    db().$queryRaw<{ judgments: number; pairs: number; remaining: number }[]>`
      SELECT least("judgmentCount", ${project.k})::int AS judgments, count(*)::int AS pairs,
             sum(greatest(${project.k} - "judgmentCount", 0))::int AS remaining
      FROM "Pair" WHERE "projectId" = ${project.id} AND NOT "isGold"
      GROUP BY 1`,
    db().$queryRaw<{ judgments: number; first: Date | null }[]>`
      SELECT count(*)::int AS judgments,
             (SELECT min("createdAt") FROM "Judgment" WHERE "projectId" = ${project.id}) AS first
      FROM "Judgment" j JOIN "Pair" p ON p.id = j."pairId"
      WHERE j."projectId" = ${project.id} AND j."createdAt" > ${since} AND j."createdAt" <= ${now} AND NOT p."isGold"`,
  ]);
  const byCount = new Map(counts.map((c) => [c.judgments, c]));
  const pairsByCount = Array.from({ length: project.k + 1 }, (_, c) => ({
    judgments: c === project.k ? `${c}+` : String(c),
    pairs: byCount.get(c)?.pairs ?? 0,
  }));
  const regularPairs = counts.reduce((sum, c) => sum + c.pairs, 0);
  const remaining = counts.reduce((sum, c) => sum + c.remaining, 0);
  const { judgments: recentJudgments = 0, first = null } = recent[0] ?? {};
  // A project younger than RATE_DAYS is measured over its own age (at least one day), not diluted.
  const windowDays = first ? Math.min(RATE_DAYS, Math.max(1, (now.getTime() - first.getTime()) / DAY_MS)) : RATE_DAYS;
  const perDayRecently = recentJudgments / windowDays;
  const daysToFinish = remaining > 0 && perDayRecently > 0 ? remaining / perDayRecently : null;
  return {
    perDay: fillDays(days, now),
    pairsByCount,
    regularPairs,
    completePairs: byCount.get(project.k)?.pairs ?? 0,
    remaining,
    perDayRecently,
    daysToFinish,
    finishAt: daysToFinish === null ? null : new Date(now.getTime() + daysToFinish * DAY_MS),
  };
}

/** Every day from the first counted one to today, so quiet days show as 0 rather than disappear. */
function fillDays(days: readonly { day: string; judgments: number }[], now: Date): ProjectProgress["perDay"] {
  const first = days[0];
  if (!first) return [];
  const counted = new Map(days.map((d) => [d.day, d.judgments]));
  const filled: ProjectProgress["perDay"] = [];
  const last = Math.max(
    Date.parse(`${days[days.length - 1]?.day}T00:00:00Z`),
    Date.parse(now.toISOString().slice(0, 10)),
  );
  for (let t = Date.parse(`${first.day}T00:00:00Z`); t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    filled.push({ day, judgments: counted.get(day) ?? 0 });
  }
  return filled;
}
