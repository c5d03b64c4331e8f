import { parseArgs } from "node:util";
import { seedGoLabProject } from "../lib/demo/go-lab";
import {
  BON_DEFAULTS,
  bonJson,
  optimizeAgainstModel,
  probeHackability,
  runBestOfN,
  sendProbesToLabeling,
} from "../lib/lab-service";
import { projectBySlug } from "../lib/projects";
import { runCli } from "./cli";

const USAGE = `Usage: npm run lab -- bon --project <slug> [--positions ${BON_DEFAULTS.positions}] [--samples ${BON_DEFAULTS.samples}] [--playouts ${BON_DEFAULTS.playouts}] [--json]
       npm run lab -- probes --project <slug> [--json]
       npm run lab -- optimize --project <slug> --prompt <id> [--from genuine|empty] [--steps 30] [--beam 1] [--json]
       npm run lab -- send-probes --project <slug>
       npm run lab -- demo

The over-optimization lab (see README, "Over-optimization lab").

bon   The Goodhart curve of a Go project's serving reward model: P fresh generated positions with
      the question's side to move, m moves per position from the generator's move policy, every
      board scored by the model (proxy) and by random playouts (truth: that side's win
      probability, on worker threads). For n = 1..m the expected proxy and truth of the
      highest-proxy of n moves (unbiased order-statistics estimator), with 95% bootstrap
      intervals over positions, against KL = log n − (n−1)/n, and the fit R(d) = d(α − βd),
      d = √KL, to the truth's gain over n = 1. The run is stored for the Lab page.
  --positions P   positions                                  default ${BON_DEFAULTS.positions}
  --samples m     moves sampled per position (n goes to m)   default ${BON_DEFAULTS.samples}
  --playouts N    random playouts per distinct board         default ${BON_DEFAULTS.playouts}
  --json          print {"model_version", "positions", "samples", "points": [{"n", "kl",
                  "proxy": {"mean", "ci_low", "ci_high"}, "truth": {…}}], "fit": {"alpha", "beta", "peak_kl"}}

probes  Text projects: stores the probe family of every prompt as candidates with source "probe"
      (a prompt word repeated, empty, a genuine answer padded to twice the longest, the prompt's
      keywords stuffed, the prompt echoed; no pairs are made) and prints each kept version's
      hackability: the share of probes it scores above the project's median genuine candidate.
      --json prints [{"version", "probes", "above_median", "hackability", "genuine_median"}].

optimize  Text projects: hill-climbs a text for one prompt (its import id) against the serving
      model by word insertions, deletions and replacements from the project's 300 commonest
      words, from the prompt's first genuine candidate or from empty; prints the score at every
      step (it never decreases) and the final text, and stores the run for the Lab page.

send-probes  Text projects: pairs every probe and optimizer output not in a pair yet with a genuine
      candidate of its prompt, served blind like any pair; the next retrain learns from the
      answers (simulated labelers rank a probe below every genuine candidate of its prompt).

demo  Two Go 9x9 projects for the lab, each with a reward model trained on 12 simulated labelers:
      "go9-vibe" (labelers with a vibe of weight 2, lib/simulate/go-vibe.ts) and "go9-clean"
      (weight 0, the same labelers without it); then the curve of each. About 5 minutes on 2
      cores; a project that already has a model is left as it is.`;

type Args =
  | { command: "bon"; slug: string; positions: number; samples: number; playouts: number; json: boolean }
  | { command: "probes"; slug: string; json: boolean }
  | { command: "send-probes"; slug: string }
  | {
      command: "optimize";
      slug: string;
      prompt: string;
      from: "genuine" | "empty";
      steps: number;
      beam: number;
      json: boolean;
    }
  | { command: "demo" };

const DEMO = [
  { slug: "go9-vibe", name: "Go 9x9 lab: labelers with a vibe", vibe: 2 },
  { slug: "go9-clean", name: "Go 9x9 lab: labelers without a vibe", vibe: 0 },
];

runCli<Args>({
  usage: USAGE,
  database: true,
  parse,
  run: async (args) => {
    if (args.command === "demo") {
      for (const seed of DEMO) {
        const project = await seedGoLabProject(seed);
        const result = await runBestOfN(project);
        const [first, last] = [result.points[0], result.points.at(-1)];
        console.log(
          `${project.slug}: reward model v${result.model_version}; best-of-${result.samples} moves the truth from ` +
            `${first?.truth.mean.toFixed(3)} to ${last?.truth.mean.toFixed(3)} and the proxy from ` +
            `${first?.proxy.mean.toFixed(2)} to ${last?.proxy.mean.toFixed(2)}; see /projects/${project.slug}/lab`,
        );
      }
      return 0;
    }
    const project = await projectBySlug(args.slug);
    if (args.command === "optimize") {
      const run = await optimizeAgainstModel(project, args);
      if (args.json) console.log(JSON.stringify(run));
      else {
        for (const step of run.steps)
          console.log(
            `${String(step.step).padStart(3)}  ${step.score.toFixed(4)}  ${step.edit.op}${step.edit.word ? ` "${step.edit.word}"` : ""}`,
          );
        console.log(`Final text (score ${run.best.score.toFixed(4)} under v${run.model_version}):\n${run.best.text}`);
      }
      return 0;
    }
    if (args.command === "send-probes") {
      const made = await sendProbesToLabeling(project);
      console.log(
        `${made} new pair(s) of a probe against a genuine candidate are open for labeling in "${project.slug}".`,
      );
      return 0;
    }
    if (args.command === "probes") {
      const versions = await probeHackability(project);
      if (args.json) console.log(JSON.stringify(versions));
      else if (versions.length === 0) console.log(`"${project.slug}" has no reward model version with its ONNX file.`);
      else
        for (const v of versions)
          console.log(
            `v${v.version}: ${v.above_median} of ${v.probes} probes above the median genuine candidate` +
              (v.hackability === null ? "" : ` (hackability ${(100 * v.hackability).toFixed(1)}%)`),
          );
      return 0;
    }
    const result = await runBestOfN(project, args);
    if (args.json) {
      console.log(JSON.stringify(bonJson(result)));
      return 0;
    }
    const f = (x: number) => x.toFixed(3);
    console.log(
      `Best-of-n on "${project.slug}", reward model v${result.model_version}: ${result.positions} positions × ${result.samples} moves, ` +
        `${result.boards} distinct boards × ${result.playouts} playouts, ${result.seconds.total.toFixed(1)} s ` +
        `(truth ${result.seconds.truth.toFixed(1)} s, proxy ${result.seconds.proxy.toFixed(1)} s).`,
    );
    console.log(`   n     KL   proxy [95% CI]              truth (P(${result.side} wins)) [95% CI]`);
    for (const p of result.points) {
      console.log(
        `${String(p.n).padStart(4)} ${p.kl.toFixed(3).padStart(6)}   ${f(p.proxy.mean).padStart(7)} [${f(p.proxy.ci_low)}, ${f(p.proxy.ci_high)}]   ` +
          `${f(p.truth.mean)} [${f(p.truth.ci_low)}, ${f(p.truth.ci_high)}]`,
      );
    }
    const fit = result.fit;
    if (!fit) console.log("Fit: not enough distinct points.");
    else
      console.log(
        `Fit of the truth's gain: R(d) = d(${fit.alpha.toFixed(4)} − ${fit.beta.toFixed(4)} d), ` +
          (fit.peak_kl === null ? "no peak (still rising)" : `peak at KL = ${fit.peak_kl.toFixed(3)}`),
      );
    return 0;
  },
});

function parse(): Args | "help" {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      project: { type: "string", short: "p" },
      positions: { type: "string", default: String(BON_DEFAULTS.positions) },
      samples: { type: "string", default: String(BON_DEFAULTS.samples) },
      playouts: { type: "string", default: String(BON_DEFAULTS.playouts) },
      json: { type: "boolean", default: false },
      prompt: { type: "string" },
      from: { type: "string", default: "genuine" },
      steps: { type: "string", default: "30" },
      beam: { type: "string", default: "1" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const [command] = positionals;
  if (command === "demo") return { command };
  if (command !== "bon" && command !== "probes" && command !== "optimize" && command !== "send-probes")
    throw new Error(`Unknown command "${command ?? ""}": use bon, probes, optimize, send-probes or demo.`);
  if (!values.project) throw new Error("--project is required (the project's slug).");
  const whole = (flag: string, text: string, min: number) => {
    const n = Number(text);
    if (text.trim() === "" || !Number.isInteger(n) || n < min)
      throw new Error(`--${flag} must be a whole number ≥ ${min} (got "${text}").`);
    return n;
  };
  if (command === "probes") return { command, slug: values.project, json: values.json };
  if (command === "send-probes") return { command, slug: values.project };
  if (command === "optimize") {
    if (!values.prompt) throw new Error("--prompt is required (the prompt's id from the import).");
    if (values.from !== "genuine" && values.from !== "empty")
      throw new Error(`--from must be genuine or empty (got "${values.from}").`);
    return {
      command,
      slug: values.project,
      prompt: values.prompt,
      from: values.from,
      steps: whole("steps", values.steps, 1),
      beam: whole("beam", values.beam, 1),
      json: values.json,
    };
  }

  return {
    command,
    slug: values.project,
    positions: whole("positions", values.positions, 2),
    samples: whole("samples", values.samples, 2),
    playouts: whole("playouts", values.playouts, 1),
    json: values.json,
  };
}
