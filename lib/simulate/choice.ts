import { hashNormal, hashUniform } from "./random";

// The simulated labelers' choice model. An honest labeler with temperature T and position bias b,
// shown candidate L on the left and R on the right with latent utilities u_L and u_R, picks the
// left one with probability
//
//     P(left) = σ((u_L − u_R + b) / T),   σ(x) = 1 / (1 + e^(−x)),
//
// i.e. the bias is added to the left candidate's utility before the noise. T = 0 is a noiseless
// labeler (left iff u_L + b > u_R; a coin flip when equal). A spammer picks left or right with
// probability ½ whatever the candidates. Nobody answers "tie" or "both bad".

export type LabelerProfile = {
  /** 0-based position among the simulated labelers; it names the labeler (sim-<index+1>). */
  index: number;
  spammer: boolean;
  /** T ≥ 0: utility gaps are divided by it; larger is noisier. */
  temperature: number;
  /** b: added to the left candidate's utility. */
  positionBias: number;
};

export type CrowdModel = {
  labelers: number;
  temperature: number;
  positionBias: number;
  /** Share of labelers who answer at random, 0..1; round(share × labelers) of them are spammers. */
  spammers: number;
  seed: number;
};

export const defaultCrowdModel = {
  temperature: 1,
  positionBias: 0.2,
  spammers: 0.1,
} as const;

/** `--clean`: no position bias and no spammers; only the temperature's noise remains. */
export function cleanCrowd<T extends CrowdModel>(model: T): T {
  return { ...model, positionBias: 0, spammers: 0 };
}

/**
 * One profile per labeler. Honest labelers share the crowd's temperature and bias, so the noise of
 * the data is known exactly; which labelers are the spammers is drawn from the seed.
 */
export function crowdProfiles(model: CrowdModel): LabelerProfile[] {
  checkCrowdModel(model);
  const spammerCount = Math.round(model.spammers * model.labelers);
  const order = Array.from({ length: model.labelers }, (_, i) => i).sort(
    (a, b) => hashUniform(model.seed, "spammer", a) - hashUniform(model.seed, "spammer", b),
  );
  const spammers = new Set(order.slice(0, spammerCount));
  return Array.from({ length: model.labelers }, (_, index) => ({
    index,
    spammer: spammers.has(index),
    temperature: model.temperature,
    positionBias: model.positionBias,
  }));
}

export function checkCrowdModel(model: CrowdModel): void {
  const problems: string[] = [];
  if (!Number.isInteger(model.labelers) || model.labelers < 1) problems.push("labelers must be an integer ≥ 1");
  if (!(model.temperature >= 0 && Number.isFinite(model.temperature))) problems.push("temperature must be ≥ 0");
  if (!Number.isFinite(model.positionBias)) problems.push("position bias must be a number");
  if (!(model.spammers >= 0 && model.spammers <= 1)) problems.push("spammers must be a share between 0 and 1");
  if (!Number.isInteger(model.seed)) problems.push("seed must be an integer");
  if (problems.length) throw new Error(`Invalid crowd: ${problems.join("; ")}.`);
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** P(left chosen) for this labeler; see the formula at the top of this file. */
export function leftProbability(profile: LabelerProfile, leftUtility: number, rightUtility: number): number {
  if (profile.spammer) return 0.5;
  const gap = leftUtility - rightUtility + profile.positionBias;
  if (profile.temperature === 0) return gap > 0 ? 1 : gap < 0 ? 0 : 0.5;
  return sigmoid(gap / profile.temperature);
}

export type Decision = { side: "left" | "right"; durationMs: number };

/**
 * The labeler's answer about one pair in one left/right order. The draw is a hash of the seed,
 * the labeler and the two candidate ids, so it does not depend on when the pair was served.
 */
export function decide(
  profile: LabelerProfile,
  seed: number,
  left: { id: string; utility: number },
  right: { id: string; utility: number },
): Decision {
  const draw = hashUniform(seed, profile.index, left.id, right.id);
  const side = draw < leftProbability(profile, left.utility, right.utility) ? "left" : "right";
  // Honest labelers take a few seconds (log-normal around 4 s), spammers under one: the "too fast"
  // signal the dashboards look for.
  const typical = profile.spammer ? 700 : 4000;
  const durationMs = Math.round(typical * Math.exp(0.4 * hashNormal(seed, profile.index, left.id, right.id, "time")));
  return { side, durationMs };
}
