import { randomUUID } from "node:crypto";
import { nextTask } from "../assign";
import { db } from "../db";
import { type ErrorCode, isDomainError } from "../errors";
import type { Project } from "../generated/prisma/client";
import { questionSide } from "../go/question";
import { submitJudgment } from "../judgments";
import { type CrowdModel, crowdProfiles, decide, type LabelerProfile } from "./choice";
import { simulatedLabelers } from "./labelers";
import { seededStream } from "./random";
import { UtilityBook } from "./utility";

export type SimulationOptions = CrowdModel & {
  /** Judgments to store; the run stops earlier when no labeler gets a pair any more. */
  judgments: number;
  /** Labelers working at the same moment (each one judges one pair at a time). Default min(labelers, 8). */
  concurrency?: number;
  /** Share of active-learning requests served in regular order (see lib/assign/active.ts). */
  exploration?: number;
  onProgress?: (progress: SimulationProgress) => void;
  /** Least time between two onProgress calls. Default 1000 ms. */
  progressEveryMs?: number;
  /**
   * How old the project's settings may get before they are read again. Default 5000 ms, as the web
   * app's cache: a new current reward model (active learning) reaches the simulated labelers too.
   */
  refreshEveryMs?: number;
  /**
   * GO projects: labelers follow the stored true win probability plus this weight times a
   * board-visible vibe (go-vibe.ts), instead of latent utilities. Undefined: latent utilities.
   */
  goVibe?: number;
};

/** A simulated labeler that loses a race for a pair counts a refusal and asks for the next one. */
const REFUSALS: ErrorCode[] = ["PAIR_FULL", "ALREADY_JUDGED", "CLIENT_ID_TAKEN"];

export type SimulationProgress = { stored: number; target: number; seconds: number };

export type Agreement = {
  /** Share of judgments that picked the candidate with the higher latent utility. */
  rate: number;
  /** Judgments counted: those about two candidates of different utility. */
  judgments: number;
};

export type SimulationSummary = {
  requested: number;
  stored: number;
  /** True when the run stopped because no labeler could get another pair. */
  exhausted: boolean;
  seconds: number;
  perSecond: number;
  /** Submissions the server refused (a lease that expired on a pair that then filled up). */
  refused: number;
  /** Share of judgments that picked the candidate shown on the left. */
  leftRate: number;
  agreement: { all: Agreement; honest: Agreement; spammers: Agreement };
  labelers: { total: number; spammers: number };
};

type Worker = { id: string; profile: LabelerProfile; random: () => number };

/**
 * Simulated labelers judge pairs of a project through the same functions as the web app's
 * labelers (nextTask, then submitJudgment), with answers drawn from the choice model in choice.ts.
 */
export async function simulateCrowd(project: Project, options: SimulationOptions): Promise<SimulationSummary> {
  if (!Number.isInteger(options.judgments) || options.judgments < 0)
    throw new Error("judgments must be an integer ≥ 0.");
  const profiles = crowdProfiles(options);
  const concurrency = Math.min(options.concurrency ?? 8, profiles.length);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("concurrency must be an integer ≥ 1.");
  const users = await simulatedLabelers(project.id, profiles.length);
  const vibe =
    options.goVibe === undefined || project.kind !== "GO"
      ? undefined
      : { weight: options.goVibe, side: questionSide(project.question) };
  const book = await new UtilityBook(project.id, vibe).load();
  const workers: Worker[] = profiles.map((profile, i) => ({
    id: users[i]?.id as string,
    profile,
    random: seededStream(options.seed * 1_000_003 + profile.index),
  }));

  const settings = new ProjectSettings(project, options.refreshEveryMs ?? 5000);
  const tally = new Tally();
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  let reserved = 0;
  let lastProgress = started;
  const progress = () => {
    const now = performance.now();
    if (!options.onProgress || now - lastProgress < (options.progressEveryMs ?? 1000)) return;
    lastProgress = now;
    options.onProgress({ stored: tally.stored, target: options.judgments, seconds: seconds() });
  };

  // In-flight judgments count against the target; a lane that finds it reserved waits for one to
  // settle, since a refused or empty-handed attempt gives its reservation back.
  let wake = () => {};
  let settled = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const notify = () => {
    const wakeAll = wake;
    settled = new Promise<void>((resolve) => {
      wake = resolve;
    });
    wakeAll();
  };

  // Labeler i works in lane i mod concurrency; a lane lets its labelers take turns, one judgment each.
  const lanes = Array.from({ length: concurrency }, (_, lane) => workers.filter((_, i) => i % concurrency === lane));
  // After an unexpected error every lane stops at its next turn, so none keeps writing in the background.
  let failed = false;
  await Promise.all(
    lanes.map(async (queue) => {
      while (!failed && queue.length > 0 && tally.stored < options.judgments) {
        if (reserved >= options.judgments) {
          await settled;
          continue;
        }
        const worker = queue.shift() as Worker;
        reserved++;
        try {
          const outcome = await judgeOnce(await settings.current(), worker, book, options, tally);
          if (outcome !== "stored") reserved--;
          if (outcome !== "done") queue.push(worker);
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          notify();
        }
        progress();
      }
    }),
  );

  const elapsed = seconds();
  options.onProgress?.({ stored: tally.stored, target: options.judgments, seconds: elapsed });
  return {
    requested: options.judgments,
    stored: tally.stored,
    exhausted: tally.stored < options.judgments,
    seconds: elapsed,
    perSecond: elapsed > 0 ? tally.stored / elapsed : 0,
    refused: tally.refused,
    leftRate: tally.stored ? tally.left / tally.stored : Number.NaN,
    agreement: {
      all: tally.agreement("all"),
      honest: tally.agreement("honest"),
      spammers: tally.agreement("spammers"),
    },
    labelers: { total: profiles.length, spammers: profiles.filter((p) => p.spammer).length },
  };
}

// A simulated labeler cannot write a demonstration; it asks again, which is what skipping would be.
const MAX_DEMONSTRATION_SKIPS = 20;

async function judgeOnce(
  project: Project,
  worker: Worker,
  book: UtilityBook,
  options: SimulationOptions,
  tally: Tally,
): Promise<"stored" | "refused" | "done"> {
  const ask = () => nextTask(project, worker.id, { random: worker.random, exploration: options.exploration });
  let task = await ask();
  for (let i = 0; task.kind === "demonstration" && i < MAX_DEMONSTRATION_SKIPS; i++) task = await ask();
  if (task.kind !== "pair") return "done";
  const left = { id: task.left.id, utility: await book.of(task.left.id) };
  const right = { id: task.right.id, utility: await book.of(task.right.id) };
  const decision = decide(worker.profile, options.seed, left, right);
  try {
    await submitJudgment(project, worker.id, {
      clientId: randomUUID(),
      assignmentId: task.assignmentId,
      choice: decision.side === "left" ? "A" : "B",
      durationMs: decision.durationMs,
      rationale: project.rationale === "REQUIRED" ? "simulated labeler" : undefined,
    });
  } catch (error) {
    if (isDomainError(error, ...REFUSALS)) {
      tally.refused++;
      return "refused";
    }
    throw error;
  }
  const [chosen, rejected] = decision.side === "left" ? [left, right] : [right, left];
  tally.add(worker.profile.spammer, decision.side === "left", Math.sign(chosen.utility - rejected.utility));
  return "stored";
}

class Tally {
  stored = 0;
  refused = 0;
  left = 0;
  private readonly agreed = { honest: 0, spammers: 0 };
  private readonly counted = { honest: 0, spammers: 0 };

  add(spammer: boolean, pickedLeft: boolean, order: number): void {
    this.stored++;
    if (pickedLeft) this.left++;
    if (order === 0) return;
    const group = spammer ? "spammers" : "honest";
    this.counted[group]++;
    if (order > 0) this.agreed[group]++;
  }

  agreement(group: "all" | "honest" | "spammers"): Agreement {
    const agreed = group === "all" ? this.agreed.honest + this.agreed.spammers : this.agreed[group];
    const judgments = group === "all" ? this.counted.honest + this.counted.spammers : this.counted[group];
    return { rate: judgments ? agreed / judgments : Number.NaN, judgments };
  }
}

/** The project row, read again once it is older than `maxAgeMs`; one read at a time. */
class ProjectSettings {
  private readAt = performance.now();
  private reading: Promise<Project> | undefined;

  constructor(
    private project: Project,
    private readonly maxAgeMs: number,
  ) {}

  async current(): Promise<Project> {
    if (performance.now() - this.readAt < this.maxAgeMs) return this.project;
    this.reading ??= db()
      .project.findUniqueOrThrow({ where: { id: this.project.id } })
      .then((fresh) => {
        this.project = fresh;
        this.readAt = performance.now();
        return fresh;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}
