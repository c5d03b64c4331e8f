import { GoodhartChart, type GoodhartPoint } from "@/components/lab/goodhart-chart";
import { type OptimizerRun, type ProbesRun, TextLab } from "@/components/lab/text-lab";
import { SectionHeader } from "@/components/shell/section-header";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { GNUGO_ESTIMATOR } from "@/lib/go/gnugo";
import { UCT_DEFAULTS, UCT_ESTIMATOR } from "@/lib/go/uct";
import { orNotFound } from "@/lib/http/page";
import type { BonResult } from "@/lib/lab-service/bon";
import { probeLabeling } from "@/lib/lab-service/probe-labeling";
import type { ProbesRunResult } from "@/lib/lab-service/probes";
import { labRuns } from "@/lib/lab-service/runs";
import { projectBySlug } from "@/lib/projects";
import { sectionAt } from "@/lib/workspace/sections";

export const dynamic = "force-dynamic";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number) => x.toFixed(3);
const SIDE_NAMES = { B: "Black", W: "White" } as const;

export default async function ProjectLab({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ bon?: string }>;
}) {
  const { slug } = await params;
  const { bon } = await searchParams;
  await pageUserWithRole(STAFF, `/projects/${slug}/lab`);
  const project = await orNotFound(projectBySlug(slug));
  if (project.kind === "TEXT")
    return (
      <section className="space-y-6">
        <SectionHeader section={sectionAt("lab")} />
        <p className="text-sm text-stone-600">
          The Goodhart curve needs a reward that can be computed exactly, which only Go projects have. For a text
          project the lab asks how easily the reward model is gamed, and whether labeling the tricks fixes it.
        </p>
        <TextLab {...(await textLab(project))} />
      </section>
    );
  const runs = project.kind === "GO" ? await labRuns(project.id, "bon") : [];
  const latest = runs[0];
  const result = latest?.result as BonResult | undefined;
  return (
    <section className="space-y-6">
      <SectionHeader section={sectionAt("lab")}>
        {project.kind === "GO" && (
          <form method="post" action={`/api/projects/${encodeURIComponent(slug)}/lab/bon`}>
            <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white hover:bg-stone-700">
              Compute the curve
            </button>
          </form>
        )}
      </SectionHeader>
      {bon === "queued" && (
        <p role="status" className="rounded border border-sky-200 bg-sky-50 p-3 text-sm">
          The curve is queued: a worker computes it in one to a few minutes. Reload this page to see it.
        </p>
      )}
      {project.kind !== "GO" ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          The Goodhart curve needs a reward that can be computed exactly, and only Go projects have one (the win
          probability, by tree search or playouts). Open a Go project&apos;s Lab to see how far optimizing against its
          reward model helps.
        </p>
      ) : !result ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          No curve yet. Press <strong>Compute the curve</strong> (a worker computes it), or run{" "}
          <code>npm run lab -- bon --project {slug}</code>. It needs a serving reward model.
        </p>
      ) : (
        <Curve result={result} at={latest?.createdAt ?? new Date()} />
      )}
      {runs.length > 1 && <Rounds runs={runs.map((r) => ({ at: r.createdAt, result: r.result as BonResult }))} />}
    </section>
  );
}

/** What the text half of the page reads: the stored runs, the probes' labeling, the prompts to optimize. */
async function textLab(project: { id: string; slug: string; currentModelId: string | null }) {
  const [probes, optimizer, labeling, prompts] = await Promise.all([
    labRuns(project.id, "probes"),
    labRuns(project.id, "optimizer", 1),
    probeLabeling(project.id),
    db().prompt.findMany({
      where: { projectId: project.id },
      select: { externalId: true, text: true },
      orderBy: { externalId: "asc" },
      take: 200,
    }),
  ]);
  return {
    slug: project.slug,
    hasModel: project.currentModelId !== null,
    probes: probes.map((r): ProbesRun => ({ at: r.createdAt, result: r.result as ProbesRunResult })),
    optimizer: optimizer.map(
      (r): OptimizerRun => ({
        at: r.createdAt,
        modelVersion: r.modelVersion,
        params: r.params as OptimizerRun["params"],
        result: r.result as OptimizerRun["result"],
      }),
    ),
    labeling,
    prompts: prompts.map((p) => ({ id: p.externalId, text: p.text })),
  };
}

/** n whose KL is closest to a given KL: what a peak means in moves to choose from. */
function nearestN(result: BonResult, kl: number): number {
  let best = result.points[0];
  for (const p of result.points) if (best && Math.abs(p.kl - kl) < Math.abs(best.kl - kl)) best = p;
  return best?.n ?? 1;
}

function Curve({ result, at }: { result: BonResult; at: Date }) {
  const first = result.points[0];
  const last = result.points.at(-1);
  if (!first || !last) return null;
  const side = SIDE_NAMES[result.side] ?? result.side;
  const gain = last.truth.mean - first.truth.mean;
  const points: GoodhartPoint[] = result.points.map((p) => ({
    n: p.n,
    kl: p.kl,
    proxy: p.proxy.mean,
    proxyLow: p.proxy.ci_low,
    proxyHigh: p.proxy.ci_high,
    truth: p.truth.mean,
    truthLow: p.truth.ci_low,
    truthHigh: p.truth.ci_high,
  }));
  const peak = result.fit?.peak_kl ?? null;
  const best = result.points.reduce((a, b) => (b.truth.mean > a.truth.mean ? b : a));
  return (
    <div className="space-y-4">
      <div className="space-y-2 rounded border border-stone-200 bg-white p-4 text-sm" data-testid="lab-summary">
        <p>
          For {result.positions} fresh positions with {side} to move, the generator&apos;s move policy proposed{" "}
          {result.samples} moves each. Choosing the move the reward model (version {result.model_version}) likes best
          out of n raises its score with every n — that is what it optimizes. The true win probability for {side} went
          from {pct(first.truth.mean)} (one move, no choice) to {pct(last.truth.mean)} at n = {last.n} (95% interval{" "}
          {pct(last.truth.ci_low)}–{pct(last.truth.ci_high)}), a change of {gain >= 0 ? "+" : ""}
          {(100 * gain).toFixed(1)} points; its best was {pct(best.truth.mean)} at n = {best.n}.
        </p>
        <p>
          {!result.fit
            ? "Too few points to fit the curve."
            : peak === null
              ? `The fit R(d) = d(α − βd), d = √KL, of the truth's gain (α = ${num(result.fit.alpha)}, β = ${num(result.fit.beta)}) does not turn down: within this range, more optimization still helps.`
              : peak === 0
                ? `The fit R(d) = d(α − βd) (α = ${num(result.fit.alpha)}, β = ${num(result.fit.beta)}) peaks at no optimization at all: choosing by this model makes moves worse.`
                : `The fit R(d) = d(α − βd), d = √KL (α = ${num(result.fit.alpha)}, β = ${num(result.fit.beta)}), peaks at KL = ${num(peak)}${peak <= last.kl ? `, about best-of-${nearestN(result, peak)}: beyond it, by the fit, optimizing the reward model harder makes the moves worse` : `, beyond best-of-${last.n}: within the range measured more choice still helps, but less and less`}.`}
        </p>
        {last.truth.ci_low <= first.truth.ci_high && first.truth.ci_low <= last.truth.ci_high && (
          // Words follow the numbers: the fit gives a peak whatever the noise; say when the data cannot back it.
          <p data-testid="lab-noise">
            The truth&apos;s 95% intervals at n = 1 and at n = {last.n} overlap, so these {result.positions} positions
            cannot tell the rise and fall from noise; compute the curve on more positions to narrow them.
          </p>
        )}
        <p className="text-stone-600">
          Computed {at.toISOString().slice(0, 16).replace("T", " ")} UTC: {result.boards} distinct boards scored by{" "}
          {truthWords(result)} in {result.seconds.total.toFixed(0)} s. KL = log n − (n−1)/n is the divergence of
          best-of-n from the policy (Gao, Schulman and Hilton, 2022).
        </p>
      </div>
      <GoodhartChart points={points} peakKl={peak} side={side} />
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="w-full text-left text-sm tabular-nums" data-testid="goodhart-table">
          <caption className="sr-only">Best-of-n points with 95% intervals</caption>
          <thead className="text-stone-600">
            <tr>
              <th className="px-3 py-2">n</th>
              <th className="px-3 py-2">KL</th>
              <th className="px-3 py-2">Reward model score [95% CI]</th>
              <th className="px-3 py-2">True win probability [95% CI]</th>
            </tr>
          </thead>
          <tbody>
            {result.points.map((p) => (
              <tr key={p.n} className="border-t border-stone-100">
                <td className="px-3 py-1">{p.n}</td>
                <td className="px-3 py-1">{num(p.kl)}</td>
                <td className="px-3 py-1">
                  {num(p.proxy.mean)} [{num(p.proxy.ci_low)}, {num(p.proxy.ci_high)}]
                </td>
                <td className="px-3 py-1">
                  {pct(p.truth.mean)} [{pct(p.truth.ci_low)}, {pct(p.truth.ci_high)}]
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Rounds({ runs }: { runs: { at: Date; result: BonResult }[] }) {
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Every curve computed, newest first</h3>
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="w-full text-left text-sm tabular-nums" data-testid="lab-rounds">
          <thead className="text-stone-600">
            <tr>
              <th className="px-3 py-2">Computed (UTC)</th>
              <th className="px-3 py-2">Model version</th>
              <th className="px-3 py-2">Truth at n = 1</th>
              <th className="px-3 py-2">Truth at the largest n</th>
              <th className="px-3 py-2">Fitted peak (KL)</th>
            </tr>
          </thead>
          <tbody>
            {runs.map(({ at, result }) => (
              <tr key={at.toISOString()} className="border-t border-stone-100">
                <td className="px-3 py-1">{at.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td className="px-3 py-1">{result.model_version}</td>
                <td className="px-3 py-1">{result.points[0] ? pct(result.points[0].truth.mean) : "–"}</td>
                <td className="px-3 py-1">{result.points.at(-1) ? pct(result.points.at(-1)?.truth.mean ?? 0) : "–"}</td>
                <td className="px-3 py-1">
                  {result.fit?.peak_kl === null || !result.fit ? "no peak" : num(result.fit.peak_kl)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** How the curve's truth was computed, in words; curves stored before the estimator was recorded used playouts. */
function truthWords(result: BonResult): string {
  if (result.estimator === UCT_ESTIMATOR) {
    const { searches, simulations } = UCT_DEFAULTS;
    return `tree search (${UCT_ESTIMATOR}, ${searches} × ${simulations.toLocaleString("en-US")} simulations each)`;
  }
  if (result.estimator === GNUGO_ESTIMATOR) return `GNU Go self-play (${GNUGO_ESTIMATOR})`;
  return `${result.playouts} random playouts each`;
}
