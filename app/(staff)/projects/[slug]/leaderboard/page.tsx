import { LineChart } from "@/components/charts/line-chart";
import { SectionHeader } from "@/components/shell/section-header";
import { StatsFilterFormView } from "@/components/stats/stats-filter-form";
import { DataTable } from "@/components/ui/data-table";
import type { LeaderboardRow } from "@/lib/agreement";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { judgingLabelers, projectLeaderboard } from "@/lib/stats/agreement-data";
import { readStatsFilter, type StatsSearchParams } from "@/lib/stats/agreement-filter";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

const num = (x: number | null) => (x === null ? null : { text: x.toFixed(2), sort: x, csv: String(x) });

/** "model-x is ahead of every other source" or which sources share the top rank. */
function headline(rows: LeaderboardRow[]): string {
  const top = rows.filter((r) => r.rank === 1);
  if (rows.length === 0 || rows[0]?.strength === null) return "";
  if (top.length === 1)
    return `${top[0]?.source} is ahead of every other source: its interval lies above all of theirs.`;
  return `${top.map((r) => r.source).join(", ")} share the top rank: their intervals overlap, so the data cannot yet tell them apart.`;
}

/** Bradley–Terry strengths of the candidates' sources (model names, human, probe) from the judgments. */
export default async function ProjectLeaderboard({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<StatsSearchParams>;
}) {
  const { slug } = await params;
  const base = `/projects/${slug}/leaderboard`;
  await pageUserWithRole(STAFF, base);
  const project = await orNotFound(projectBySlug(slug));
  const { filter, form, problems } = readStatsFilter(await searchParams);
  const [board, labelers] = await Promise.all([projectLeaderboard(project.id, filter), judgingLabelers(project.id)]);
  const fitted = board.sources.length > 0 && board.sources[0]?.strength !== null;

  return (
    <section className="space-y-8">
      <SectionHeader section={sectionAt("leaderboard")} />
      <StatsFilterFormView action={base} form={form} labelers={labelers} problems={problems} />
      <p className="text-sm text-stone-600">
        {board.judgments.toLocaleString("en-US")} judgments between two different sources (Both bad, gold pairs and
        excluded labelers left out).
      </p>

      {!fitted ? (
        <div className="rounded border border-stone-200 bg-white p-4 text-sm" data-testid="leaderboard-empty">
          <p className="font-medium">No leaderboard yet.</p>
          <p className="text-stone-600">{board.reason}</p>
        </div>
      ) : (
        <>
          <div className="space-y-2 rounded border border-stone-200 bg-white p-4" data-testid="leaderboard-summary">
            <p className="font-medium">{headline(board.sources)}</p>
            <p className="text-sm text-stone-600">
              Strength is a natural log scale centred on 0: a source 1.0 stronger than another wins about 73% of their
              comparisons (e<sup>1</sup> / (1 + e<sup>1</sup>)). Rank counts only the sources clearly ahead (their whole
              interval above this one’s); sources whose intervals overlap share a rank.
            </p>
            {board.reason && <p className="text-sm text-amber-900">{board.reason}</p>}
          </div>
          <LineChart
            label="Bradley–Terry strength of each source, with its 95% interval"
            data={board.sources.map((r) => ({ source: r.source, strength: r.strength, low: r.ciLow, high: r.ciHigh }))}
            xKey="source"
            yLabel="strength (log)"
            series={[{ key: "strength", label: "Strength", band: { low: "low", high: "high" } }]}
          />
        </>
      )}

      <DataTable
        caption="Sources by strength (bootstrap over judgments, 1,000 rounds)"
        csvName={`${slug}-leaderboard`}
        columns={[
          { key: "rank", label: "Rank", numeric: true },
          { key: "source", label: "Source" },
          { key: "strength", label: "Strength", numeric: true },
          { key: "low", label: "95% CI low", numeric: true },
          { key: "high", label: "95% CI high", numeric: true },
          { key: "wins", label: "Wins", numeric: true },
          { key: "losses", label: "Losses", numeric: true },
          { key: "ties", label: "Ties", numeric: true },
        ]}
        rows={board.sources.map((r) => ({
          rank: r.rank,
          source: r.source,
          strength: num(r.strength),
          low: num(r.ciLow),
          high: num(r.ciHigh),
          wins: r.wins,
          losses: r.losses,
          ties: r.ties,
        }))}
        empty="No comparisons between two different sources yet."
      />
    </section>
  );
}
