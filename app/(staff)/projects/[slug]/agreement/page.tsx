import { BarChart } from "@/components/charts/bar-chart";
import { SectionHeader } from "@/components/shell/section-header";
import { estimateCells } from "@/components/stats/estimate-cells";
import { StatsFilterFormView } from "@/components/stats/stats-filter-form";
import { DataTable } from "@/components/ui/data-table";
import { CHOICES, describePercent, type Estimate } from "@/lib/agreement";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { judgingLabelers, projectAgreement } from "@/lib/stats/agreement-data";
import { readStatsFilter, type StatsSearchParams } from "@/lib/stats/agreement-filter";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

const CHOICE_NAMES = { A: "A better", B: "B better", TIE: "Tie", BOTH_BAD: "Both bad" } as const;

const ESTIMATE_COLUMNS = [
  { key: "value", label: "Value", numeric: true },
  { key: "interval", label: "95% CI", numeric: true },
  { key: "n", label: "n (pairs)", numeric: true },
];

function kappaWords(e: Estimate): string {
  if (e.value === null) return "";
  if (e.ciLow !== null && e.ciLow > 0) return "clearly better than chance";
  if (e.ciHigh !== null && e.ciHigh < 0) return "worse than chance";
  return "not clearly different from chance";
}

/** Inter-labeler agreement: how far the labels can be trusted, each figure with its interval and count. */
export default async function ProjectAgreement({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<StatsSearchParams>;
}) {
  const { slug } = await params;
  const base = `/projects/${slug}/agreement`;
  await pageUserWithRole(STAFF, base);
  const project = await orNotFound(projectBySlug(slug));
  const { filter, form, problems } = readStatsFilter(await searchParams);
  const [report, labelers] = await Promise.all([projectAgreement(project.id, filter), judgingLabelers(project.id)]);
  const names = new Map(labelers.map((l) => [l.userId, l.label]));
  const name = (id: string) => names.get(id) ?? id;
  const overlap = report.percentAgreement.value !== null;

  return (
    <section className="space-y-8">
      <SectionHeader section={sectionAt("agreement")} />
      <StatsFilterFormView action={base} form={form} labelers={labelers} problems={problems} />

      <p className="text-sm text-stone-600" data-testid="agreement-counts">
        {report.judgments.toLocaleString("en-US")} judgments on {report.pairs.toLocaleString("en-US")} pairs by{" "}
        {report.labelers} labelers. Left out: {report.goldJudgments.toLocaleString("en-US")} judgments on gold pairs and
        everything by excluded labelers.
      </p>

      {!overlap ? (
        <div className="rounded border border-stone-200 bg-white p-4 text-sm" data-testid="agreement-empty">
          <p className="font-medium">No overlap yet.</p>
          <p className="text-stone-600">
            Agreement needs pairs judged by two or more labelers. Once pairs collect their k = {project.k} judgments,
            the figures appear here.
          </p>
        </div>
      ) : (
        <>
          <div className="space-y-2 rounded border border-stone-200 bg-white p-4" data-testid="agreement-summary">
            <p>
              Two labelers judging the same pair agree{" "}
              <strong data-testid="summary-percent">{describePercent(report.percentAgreement)}</strong> of the time,
              over {report.percentAgreement.n.toLocaleString("en-US")} pairs with two or more judgments.
            </p>
            {report.fleissKappa.value !== null && (
              <p>
                Corrected for chance (Fleiss’ κ = {report.fleissKappa.value.toFixed(2)}), that is{" "}
                {kappaWords(report.fleissKappa)}; 0 would be chance and 1 perfect agreement.
              </p>
            )}
            <p>
              {report.humanCeiling.value !== null ? (
                <>
                  One labeler agrees with the majority of the others {describePercent(report.humanCeiling)} of the time
                  (the human ceiling, on {report.humanCeiling.n.toLocaleString("en-US")} pairs with 3+ judgments): a
                  reward model predicting the consensus is doing as well as a labeler when it reaches this.
                </>
              ) : (
                report.humanCeiling.reason
              )}
            </p>
          </div>

          <DataTable
            caption="Agreement statistics (bootstrap over pairs, 1,000 rounds)"
            csvName={`${slug}-agreement`}
            columns={[
              { key: "statistic", label: "Statistic" },
              ...ESTIMATE_COLUMNS,
              { key: "meaning", label: "What it means" },
            ]}
            rows={[
              ["Percent agreement", report.percentAgreement, "percent", "Chance two judgments of a pair agree"],
              ["Fleiss’ κ", report.fleissKappa, "ratio", "Agreement beyond chance, all labelers together"],
              [
                "Krippendorff’s α (nominal)",
                report.krippendorffAlpha,
                "ratio",
                "Like κ, built for labelers seeing different pairs",
              ],
              [
                "Human ceiling",
                report.humanCeiling,
                "percent",
                "One labeler vs the majority of the others (3+ judgments)",
              ],
            ].map(([statistic, e, format, meaning]) => ({
              statistic: statistic as string,
              ...estimateCells(e as Estimate, format as "ratio" | "percent"),
              meaning: meaning as string,
            }))}
          />
        </>
      )}

      {report.judgments > 0 && (
        <div className="grid gap-4 lg:grid-cols-2">
          <BarChart
            label="Judgments per answer (Both bad is a category of its own)"
            data={CHOICES.map((c) => ({ answer: CHOICE_NAMES[c], judgments: report.categories[c] }))}
            xKey="answer"
            bars={[{ key: "judgments", label: "Judgments" }]}
          />
          <BarChart
            label="Pairs by number of judgments"
            data={report.pairsByJudgments.map((p) => ({ judgments: String(p.judgments), pairs: p.pairs }))}
            xKey="judgments"
            bars={[{ key: "pairs", label: "Pairs" }]}
          />
        </div>
      )}

      <DataTable
        caption="Each labeler against the majority of the others"
        csvName={`${slug}-majority-agreement`}
        columns={[
          { key: "labeler", label: "Labeler" },
          ...ESTIMATE_COLUMNS.map((c) => (c.key === "n" ? { ...c, label: "n (pairs shared)" } : c)),
        ]}
        rows={report.looMajority.map((l) => ({ labeler: name(l.labelerId), ...estimateCells(l.agreement, "percent") }))}
        initialSort={{ key: "value" }}
        empty="Nobody has judged yet."
      />

      <DataTable
        caption="Cohen’s κ for every two labelers sharing 20+ pairs"
        csvName={`${slug}-cohen-kappa`}
        columns={[{ key: "first", label: "Labeler" }, { key: "second", label: "Labeler" }, ...ESTIMATE_COLUMNS]}
        rows={report.cohenKappa.map((c) => ({
          first: name(c.first),
          second: name(c.second),
          ...estimateCells(c.kappa),
        }))}
        initialSort={{ key: "value" }}
        empty="No two labelers share 20 pairs yet."
      />

      <details className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-700">
        <summary className="cursor-pointer font-medium">How these are computed</summary>
        <div className="mt-2 space-y-2">
          <p>
            The four answers A, B, Tie and Both bad are four categories; Both bad counts as its own verdict that two
            labelers can agree on. Pairs have different numbers of judgments: each pair’s agreement uses its own count,
            and category shares pool all judgments. Gold pairs and excluded labelers are left out.
          </p>
          <p>
            Every interval is a 95% percentile bootstrap over pairs (1,000 resamples, fixed seed), so the same data
            gives the same numbers here and from <code>npm run stats -- agreement</code> on an export of the same
            judgments.
          </p>
        </div>
      </details>
    </section>
  );
}
