import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { type ProjectProgress, RATE_DAYS } from "@/lib/stats";

const whole = (x: number) => Math.round(x).toLocaleString("en-US");

/** Judgments per day, pairs by their number of judgments, completion and the finish at the current rate. */
export function ProgressView({ progress: p, k }: { progress: ProjectProgress; k: number }) {
  const share = p.regularPairs ? p.completePairs / p.regularPairs : null;
  return (
    <section aria-labelledby="progress" className="space-y-4">
      <h3 id="progress" className="text-lg font-medium">
        Progress
      </h3>
      <p className="text-sm" data-testid="completion">
        {p.regularPairs === 0
          ? "No regular pairs yet."
          : `${whole(p.completePairs)} of ${whole(p.regularPairs)} regular pairs have k = ${k} judgments (${(100 * (share ?? 0)).toFixed(1)}% complete); ${whole(p.remaining)} judgments still needed. `}
        {p.regularPairs > 0 && finishWords(p)}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {p.perDay.length ? (
          <LineChart
            label="Judgments per day (UTC)"
            data={p.perDay}
            xKey="day"
            yDomain={[0, "auto"]}
            series={[{ key: "judgments", label: "judgments" }]}
          />
        ) : (
          <p className="rounded border border-stone-200 bg-white p-3 text-sm text-stone-600">
            No judgments yet: share the invite link on the Labelers page.
          </p>
        )}
        <BarChart
          label="Regular pairs by number of judgments"
          data={p.pairsByCount}
          xKey="judgments"
          bars={[{ key: "pairs", label: "pairs" }]}
        />
      </div>
    </section>
  );
}

function finishWords(p: ProjectProgress): string {
  if (p.remaining === 0) return "Every regular pair is complete.";
  if (p.daysToFinish === null || p.finishAt === null) {
    return `No recent judgments (none in the last ${RATE_DAYS} days), so there is no finish date at the current rate.`;
  }
  const rate = `${p.perDayRecently.toFixed(p.perDayRecently < 10 ? 1 : 0)} judgments a day over the last ${RATE_DAYS} days`;
  const rounded = Math.round(p.daysToFinish);
  const days = p.daysToFinish < 1 ? "less than a day" : `about ${whole(rounded)} day${rounded === 1 ? "" : "s"}`;
  return `At ${rate}, that is ${days}: around ${p.finishAt.toISOString().slice(0, 10)}.`;
}
