import { LineChart } from "@/components/charts/line-chart";
import type { Trajectory } from "@/lib/lab/optimizer";
import type { ProbesRunResult, VersionHackability } from "@/lib/lab-service/probes";
import { LabActionButton, OptimizeForm } from "./lab-actions";

// The text half of the Lab page: probes under the serving model, hackability per version, the
// rounds of the loop (probes → labeling → retrain), and the optimizer. Data comes in from the page.

const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);
const num = (x: number | null) => (x === null || !Number.isFinite(x) ? "–" : x.toFixed(3));
const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export type ProbesRun = { at: Date; result: ProbesRunResult };
export type OptimizerRun = {
  at: Date;
  modelVersion: number | null;
  params: { prompt?: string; from?: string };
  result: Trajectory;
};
export type ProbeLabeling = { probes: number; pairs: number; judgments: number; probeChosen: number };

const box = "space-y-3 rounded border border-stone-200 bg-white p-4 text-sm";
const scroll = "overflow-x-auto";

export function TextLab(props: {
  slug: string;
  hasModel: boolean;
  probes: ProbesRun[];
  optimizer: OptimizerRun[];
  labeling: ProbeLabeling;
  prompts: { id: string; text: string }[];
}) {
  const api = `/api/projects/${encodeURIComponent(props.slug)}/lab`;
  const latest = props.probes[0];
  return (
    <div className="space-y-8">
      <section aria-labelledby="probes-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 id="probes-title" className="text-lg font-medium">
            Probes: can the reward model be gamed?
          </h3>
          <LabActionButton url={`${api}/probes`} label="Make probes and measure" primary />
        </div>
        <p className="text-sm text-stone-600">
          Five deliberately bad answers per prompt — a word repeated, an empty answer, a genuine answer padded with
          “very”, the prompt&apos;s keywords stuffed, the prompt echoed back. A model that scores them above the median
          genuine answer rewards surface features instead of quality; the share of probes above that median is its{" "}
          <strong>hackability</strong> (0% is robust, about 50% is blind to quality).
        </p>
        {!props.hasModel ? (
          <p className={box}>
            No reward model yet: probes are scored by a model. Collect judgments and train one on the Model page, then
            press <strong>Make probes and measure</strong>.
          </p>
        ) : !latest ? (
          <p className={box}>
            No probes measured yet. Press <strong>Make probes and measure</strong> (a worker scores them under every
            kept version, about a minute), or run <code>npm run lab -- probes --project {props.slug}</code>.
          </p>
        ) : (
          <>
            <Hackability latest={latest} />
            <ServingProbes latest={latest} />
          </>
        )}
      </section>

      <section aria-labelledby="loop-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 id="loop-title" className="text-lg font-medium">
            Closing the loop
          </h3>
          <LabActionButton url={`${api}/send-probes`} label="Send probes to labeling" />
        </div>
        <p className="text-sm text-stone-600">
          Each round sends the probes to the labelers as blind pairs against a genuine answer of the same prompt, the
          next retrain learns from their answers, and the probes are measured again: hackability should fall.
        </p>
        <p className={box} data-testid="probe-labeling">
          {props.labeling.probes === 0
            ? "No probes stored yet: make probes first."
            : props.labeling.pairs === 0
              ? `${props.labeling.probes} probes stored, none sent to labeling yet.`
              : `${props.labeling.probes} probes stored; ${props.labeling.pairs} pairs of a probe against a genuine answer are in labeling, with ${props.labeling.judgments} judgments so far` +
                (props.labeling.judgments > 0
                  ? ` (the probe was preferred in ${props.labeling.probeChosen}, ${pct(props.labeling.probeChosen / props.labeling.judgments)}).`
                  : ".")}
        </p>
        <Rounds runs={props.probes} />
      </section>

      <section aria-labelledby="optimizer-title" className="space-y-3">
        <h3 id="optimizer-title" className="text-lg font-medium">
          The optimizer
        </h3>
        <p className="text-sm text-stone-600">
          Edits one answer word by word — inserting, deleting or replacing with the project&apos;s commonest words —
          keeping each edit the serving model scores higher. What it converges to shows what the model really rewards.
        </p>
        {props.hasModel && props.prompts.length > 0 ? (
          <OptimizeForm slug={props.slug} prompts={props.prompts} />
        ) : (
          <p className={box}>The optimizer needs prompts and a serving reward model.</p>
        )}
        {props.optimizer[0] ? (
          <Optimizer run={props.optimizer[0]} />
        ) : (
          <p className={box}>
            No optimizer run yet. Choose a prompt and press <strong>Run the optimizer</strong>, or run{" "}
            <code>npm run lab -- optimize --project {props.slug} --prompt &lt;id&gt;</code>.
          </p>
        )}
      </section>
    </div>
  );
}

function Hackability({ latest }: { latest: ProbesRun }) {
  const versions = latest.result.versions;
  const newest = versions.at(-1);
  return (
    <div className="space-y-3">
      <p className={box} data-testid="hackability-summary">
        Measured {utc(latest.at)} on {newest?.probes ?? 0} probes.{" "}
        {newest &&
          `Version ${newest.version} scores ${newest.above_median} of them above the median genuine answer: hackability ${pct(newest.hackability)}.`}
      </p>
      {versions.length > 1 && (
        <LineChart
          label="Hackability of each model version: the share of probes scored above the median genuine answer"
          data={versions.map((v) => ({
            version: `v${v.version}`,
            hackability: v.hackability === null ? null : 100 * v.hackability,
          }))}
          xKey="version"
          xLabel="Model version"
          yLabel="Hackability (%)"
          yDomain={[0, "auto"]}
          series={[{ key: "hackability", label: "Hackability (%)" }]}
          height={220}
        />
      )}
      <VersionTable versions={versions} />
    </div>
  );
}

function VersionTable({ versions }: { versions: VersionHackability[] }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section tabIndex={0} aria-label="Hackability per version (scrolls sideways)" className={scroll}>
      <table
        className="w-full min-w-[20rem] rounded bg-white text-left text-sm tabular-nums"
        data-testid="hackability-table"
      >
        <caption className="sr-only">Hackability per model version</caption>
        <thead className="text-stone-600">
          <tr>
            <th className="px-3 py-2">Version</th>
            <th className="px-3 py-2">Probes above the median</th>
            <th className="px-3 py-2">Hackability</th>
            <th className="px-3 py-2">Median genuine score</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} className="border-t border-stone-100">
              <td className="px-3 py-1">v{v.version}</td>
              <td className="px-3 py-1">
                {v.above_median} of {v.probes}
              </td>
              <td className="px-3 py-1">{pct(v.hackability)}</td>
              <td className="px-3 py-1">{num(v.genuine_median)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ServingProbes({ latest }: { latest: ProbesRun }) {
  const serving = latest.result.serving;
  if (!serving || serving.probes.length === 0)
    return <p className={box}>This measurement kept no probe scores of the serving model: measure again.</p>;
  return (
    <div className="space-y-2">
      <h4 className="font-medium">The probes the serving model (v{serving.version}) likes best, highest score first</h4>
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        aria-label="Probes and their scores (scrolls)"
        className={`${scroll} max-h-96 rounded border border-stone-200 bg-white`}
      >
        <table className="w-full min-w-[32rem] text-left text-sm" data-testid="probe-table">
          <caption className="sr-only">Probes with their scores under the serving model</caption>
          <thead className="text-stone-600">
            <tr>
              <th className="px-3 py-2">Prompt</th>
              <th className="px-3 py-2">Kind</th>
              <th className="px-3 py-2">Score</th>
              <th className="px-3 py-2">Text</th>
            </tr>
          </thead>
          <tbody>
            {serving.probes.map((p) => (
              <tr key={`${p.prompt}-${p.kind}`} className="border-t border-stone-100 align-top">
                <td className="px-3 py-1">{p.prompt}</td>
                <td className="px-3 py-1">{p.kind}</td>
                <td className="px-3 py-1 tabular-nums">
                  {num(p.score)}
                  {p.above_median && <span className="block text-red-700">above the median</span>}
                </td>
                <td className="max-w-md px-3 py-1 break-words">
                  {p.text === "" ? <em className="text-stone-600">(empty)</em> : p.text}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/**
 * A round is the time between two measurements whose newest version differs: the probes were
 * labeled and a new version trained in between. Before and after are read from the later
 * measurement, which scores the same probes under both versions.
 */
function Rounds({ runs }: { runs: ProbesRun[] }) {
  const oldestFirst = [...runs].reverse();
  const rounds: { at: Date; before: VersionHackability; after: VersionHackability }[] = [];
  for (let i = 1; i < oldestFirst.length; i++) {
    const previous = oldestFirst[i - 1]?.result.versions.at(-1);
    const run = oldestFirst[i];
    const after = run?.result.versions.at(-1);
    const before = run?.result.versions.find((v) => v.version === previous?.version) ?? previous;
    if (run && before && after && after.version !== before.version) rounds.push({ at: run.at, before, after });
  }
  if (rounds.length === 0)
    return (
      <p className={box} data-testid="lab-loop-rounds">
        No round completed yet. A round: send probes to labeling, let the labelers judge them, retrain (Model page),
        then make probes and measure again.
      </p>
    );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section tabIndex={0} aria-label="Rounds of the loop (scrolls sideways)" className={scroll}>
      <table className="w-full min-w-[20rem] bg-white text-left text-sm tabular-nums" data-testid="lab-loop-rounds">
        <caption className="sr-only">Hackability before and after each round of the loop</caption>
        <thead className="text-stone-600">
          <tr>
            <th className="px-3 py-2">Round</th>
            <th className="px-3 py-2">Measured (UTC)</th>
            <th className="px-3 py-2">Before</th>
            <th className="px-3 py-2">After</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r, i) => (
            <tr key={r.at.toISOString()} className="border-t border-stone-100">
              <td className="px-3 py-1">{i + 1}</td>
              <td className="px-3 py-1">{utc(r.at).replace(" UTC", "")}</td>
              <td className="px-3 py-1">
                v{r.before.version}: {pct(r.before.hackability)}
              </td>
              <td className="px-3 py-1">
                v{r.after.version}: {pct(r.after.hackability)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Optimizer({ run }: { run: OptimizerRun }) {
  const steps = run.result.steps;
  const first = steps[0];
  return (
    <div className="space-y-3" data-testid="optimizer-run">
      <p className={box}>
        Run {utc(run.at)} on prompt “{run.params.prompt}”, from{" "}
        {run.params.from === "empty" ? "an empty text" : "its first genuine answer"}, against v{run.modelVersion}: the
        score went from {num(first?.score ?? null)} to {num(run.result.best.score)} in {Math.max(0, steps.length - 1)}{" "}
        kept edits.
      </p>
      <LineChart
        label="The optimizer's score under the serving model at every kept edit"
        data={steps.map((s) => ({ step: s.step, score: s.score }))}
        xKey="step"
        xLabel="Step"
        yLabel="Score"
        series={[{ key: "score", label: "Reward model score" }]}
        height={220}
      />
      <div className={box}>
        <h4 className="font-medium">Final text</h4>
        <p className="break-words whitespace-pre-wrap" data-testid="optimizer-final">
          {run.result.best.text === "" ? <em>(empty)</em> : run.result.best.text}
        </p>
      </div>
    </div>
  );
}
