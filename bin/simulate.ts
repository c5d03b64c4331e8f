import { parseArgs } from "node:util";
import { projectBySlug } from "../lib/projects";
import { type CrowdModel, cleanCrowd, defaultCrowdModel, type SimulationSummary, simulateCrowd } from "../lib/simulate";
import { runCli } from "./cli";

const USAGE = `Usage: npm run simulate -- --project <slug> [--labelers 20] [--judgments 20000]
         [--temperature 1] [--position-bias 0.2] [--spammers 0.1] [--clean] [--seed 1] [--concurrency 8]
         [--go-vibe w]

Simulated labelers (users sim-1 … sim-n, made members of the project) judge pairs through the same
code as the web app's labelers: next task, then submit. Their judgments count like real ones: they
trigger retraining, and with active learning on, pairs come in the order it chooses.

Choice model. Each candidate has a latent utility u: its meta.utility from the import, else a
standard normal draw seeded by the candidate id. An honest labeler shown L on the left and R on the
right picks L with probability
    P(left) = σ((u_L − u_R + b) / T),  σ(x) = 1 / (1 + e^−x)
  --temperature T     noise; 0 means always the higher utility (after the bias)       default 1
  --position-bias b   added to the left candidate's utility                           default 0.2
  --spammers s        share of labelers who pick left or right at random (½ each)     default 0.1
  --clean             b = 0 and s = 0
  --go-vibe w         GO projects: labelers with a vibe. u = 4·logit(p) + w·vibe, p the stored
                      true win probability of the question's side (0.5 until computed), vibe =
                      [the move touches an enemy stone] + [it is on the 3rd or 4th line];
                      w = 0 is a truth-following crowd (lib/simulate/go-vibe.ts)
Nobody answers "tie" or "both bad". Demonstration tasks are skipped (asked again).
  --labelers n        simulated labelers                                              default 20
  --judgments N       judgments to store; fewer when the open slots run out           default 20000
  --seed N            the same seed and serving order give the same answers           default 1
  --concurrency C     labelers working at the same moment                             default 8`;

type Args = CrowdModel & { slug: string; judgments: number; concurrency: number; goVibe?: number };

runCli<Args>({
  usage: USAGE,
  database: true,
  parse,
  run: async (args) => {
    const project = await projectBySlug(args.slug);
    console.log(
      `Simulating ${args.labelers} labelers on "${project.slug}": T = ${args.temperature}, b = ${args.positionBias}, ` +
        `spammers ${args.spammers}, seed ${args.seed}${args.goVibe === undefined ? "" : `, Go vibe weight ${args.goVibe}`}${project.activeLearning ? ", active learning on" : ""}`,
    );
    // A terminal gets one line rewritten in place; a log file a line every few seconds.
    const tty = process.stdout.isTTY;
    const summary = await simulateCrowd(project, {
      ...args,
      progressEveryMs: tty ? 250 : 5000,
      onProgress: ({ stored, target, seconds }) => {
        const line = `  ${fmt(stored)} / ${fmt(target)} judgments  (${fmt(seconds > 0 ? stored / seconds : 0)}/s)`;
        if (tty) process.stdout.write(`\r${line}\x1b[K`);
        else console.log(line);
      },
    });
    if (tty) process.stdout.write("\n");
    report(summary);
    return 0;
  },
});

function report(s: SimulationSummary): void {
  const pct = (x: number) => (Number.isNaN(x) ? "n/a" : x.toFixed(3));
  console.log(`Stored ${fmt(s.stored)} judgments in ${s.seconds.toFixed(1)} s (${fmt(s.perSecond)}/s).`);
  if (s.exhausted) {
    console.log(
      `  Stopped before ${fmt(s.requested)}: no simulated labeler could get another pair (every pair is full or already judged by each of them).`,
    );
  }
  console.log(
    `  agreement with the latent-utility order: ${pct(s.agreement.all.rate)} ` +
      `(honest ${pct(s.agreement.honest.rate)}, spammers ${pct(s.agreement.spammers.rate)}; ` +
      `${fmt(s.agreement.all.judgments)} judgments on candidates of different utility)`,
  );
  console.log(`  left picks: ${pct(s.leftRate)}; labelers: ${s.labelers.total} (${s.labelers.spammers} spammers)`);
  if (s.refused > 0) console.log(`  refused submissions (lease expired, pair full): ${fmt(s.refused)}`);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function parse(): Args | "help" {
  const { values } = parseArgs({
    options: {
      project: { type: "string", short: "p" },
      labelers: { type: "string", default: "20" },
      judgments: { type: "string", default: "20000" },
      temperature: { type: "string", default: String(defaultCrowdModel.temperature) },
      "position-bias": { type: "string", default: String(defaultCrowdModel.positionBias) },
      spammers: { type: "string", default: String(defaultCrowdModel.spammers) },
      clean: { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      concurrency: { type: "string", default: "8" },
      "go-vibe": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  if (!values.project) throw new Error("--project is required (the project's slug).");
  const number = (flag: string, text: string, check: (n: number) => boolean, what: string) => {
    const n = Number(text);
    if (text.trim() === "" || !check(n)) throw new Error(`--${flag} must be ${what} (got "${text}").`);
    return n;
  };
  const integer = (min: number) => (n: number) => Number.isInteger(n) && n >= min;
  const model: CrowdModel = {
    labelers: number("labelers", values.labelers, integer(1), "an integer ≥ 1"),
    temperature: number("temperature", values.temperature, (n) => n >= 0 && Number.isFinite(n), "a number ≥ 0"),
    positionBias: number("position-bias", values["position-bias"], Number.isFinite, "a number"),
    spammers: number("spammers", values.spammers, (n) => n >= 0 && n <= 1, "a share between 0 and 1"),
    seed: number("seed", values.seed, Number.isInteger, "an integer"),
  };
  return {
    ...(values.clean ? cleanCrowd(model) : model),
    slug: values.project,
    judgments: number("judgments", values.judgments, integer(0), "an integer ≥ 0"),
    concurrency: number("concurrency", values.concurrency, integer(1), "an integer ≥ 1"),
    goVibe:
      values["go-vibe"] === undefined ? undefined : number("go-vibe", values["go-vibe"], Number.isFinite, "a number"),
  };
}
