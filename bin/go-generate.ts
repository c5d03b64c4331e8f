import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { MAX_SIZE, MIN_SIZE } from "../lib/go/coords";
import { formatProblem, ImportError, importGeneratedGo } from "../lib/import";
import { createProject, forgetProject, newProjectSchema } from "../lib/projects";
import { computeMissingTruth, truthPlayouts } from "../lib/truth";
import { runCli } from "./cli";

const USAGE = `Usage: npm run go:generate -- --project <slug> [--size 9] [--prompts 300] [--seed 1]
                             [--candidates 2..4] [--komi 7.5] [--name "Go 9x9"] [--skip-truth] [--playouts 2500]

Plays games with a cheap stochastic policy, stops them at varied move numbers and, for each stop,
imports a prompt whose candidates are the boards after 2-4 different moves (clear blunders and close
calls among them) into the GO project <slug>, creating it if needed. The same seed gives the same
prompts, so running it again adds nothing; another seed adds new prompts. Then it computes the
ground truth of every candidate that has none, by the project's estimator (tree search, uct/v2, for
a new project; --playouts applies to random-playouts/v1), unless --skip-truth leaves that to the
worker.`;

type Settings = {
  slug: string;
  name: string;
  size: number;
  prompts: number;
  seed: number;
  candidates: { min: number; max: number };
  komi: number;
  truth: boolean;
  playouts: number;
};

function settings(): Settings | "help" {
  const { values, positionals } = parseArgs({
    options: {
      project: { type: "string", short: "p" },
      name: { type: "string" },
      size: { type: "string", default: "9" },
      prompts: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
      candidates: { type: "string", default: "2..4" },
      komi: { type: "string", default: "7.5" },
      "skip-truth": { type: "boolean", default: false },
      playouts: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) return "help";
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (!values.project) throw new Error("--project <slug> is required");
  const size = whole(values.size, "--size", MIN_SIZE, MAX_SIZE);
  const range = /^(\d+)(?:\.\.(\d+))?$/.exec(values.candidates.trim());
  const min = range ? Number(range[1]) : Number.NaN;
  const max = range?.[2] === undefined ? min : Number(range[2]);
  if (!(min >= 2 && max >= min && max <= 10)) {
    throw new Error(
      `--candidates ${values.candidates} is not a range like 2..4 (from 2 to at most 10 moves per prompt)`,
    );
  }
  const komi = Number(values.komi);
  if (!Number.isFinite(komi)) throw new Error(`--komi ${values.komi} is not a number; use e.g. 7.5`);
  return {
    slug: values.project,
    name: values.name ?? `Go ${size}x${size} (${values.project})`,
    size,
    prompts: whole(values.prompts, "--prompts", 1, 100_000),
    seed: whole(values.seed, "--seed", 0, 2 ** 31 - 1),
    candidates: { min, max },
    komi,
    truth: !values["skip-truth"],
    playouts: values.playouts === undefined ? truthPlayouts() : whole(values.playouts, "--playouts", 1, 1_000_000),
  };
}

function whole(text: string, flag: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) throw new Error(`${flag} ${text} is not a whole number from ${min} to ${max}`);
  return value;
}

async function goProject(slug: string, name: string) {
  const existing = await db().project.findUnique({ where: { slug } });
  if (existing) {
    if (existing.kind !== "GO") {
      throw new Error(
        `project "${slug}" is a ${existing.kind} project; Go positions need a GO project, choose another slug`,
      );
    }
    return { project: existing, created: false };
  }
  const input = newProjectSchema.safeParse({ slug, name, kind: "GO" });
  if (!input.success) throw new Error(`--project ${slug}: ${input.error.issues[0]?.message ?? "not a valid slug"}`);
  return { project: await createProject(input.data), created: true };
}

runCli<Settings>({
  usage: USAGE,
  database: true,
  parse: settings,
  run: async (options) => {
    const { project, created } = await goProject(options.slug, options.name);
    forgetProject(project.slug);
    const started = Date.now();
    const summary = await importGeneratedGo(project, {
      size: options.size,
      prompts: options.prompts,
      seed: options.seed,
      candidates: options.candidates,
      komi: options.komi,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${created ? "Created" : "Updated"} GO project "${project.slug}" in ${seconds} s:`);
    console.log(`  prompts:    ${summary.prompts.created} new, ${summary.prompts.existing} already there`);
    console.log(`  candidates: ${summary.candidates.created} new, ${summary.candidates.existing} already there`);
    console.log(`  pairs:      ${summary.pairs.created} new`);
    if (!options.truth) {
      console.log("Ground truth: left to the worker (the go-truth job runs every minute).");
      return 0;
    }
    const truthStarted = Date.now();
    const run = await computeMissingTruth(project.id, { playouts: options.playouts });
    const truthSeconds = ((Date.now() - truthStarted) / 1000).toFixed(1);
    console.log(`  truth:      ${run.computed} candidates (${project.goTruthEstimator}), ${truthSeconds} s`);
    return 0;
  },
  explain: (error) => {
    if (error instanceof ImportError) {
      for (const problem of error.problems) console.error(formatProblem("generated positions", problem));
      return 1;
    }
    // Settings that only the database can refuse (a slug taken by a TEXT project, say).
    if (error instanceof Error) {
      console.error(error.message);
      return 1;
    }
    return undefined;
  },
});
