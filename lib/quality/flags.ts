/**
 * The rules a lead sets per project (Project.flag*, fastMs) and the flags they raise on one
 * labeler, each with the reason in words. A flag informs; pausing or excluding stays a decision.
 */
export type QualityRules = {
  fastMs: number;
  flagGoldBelow: number;
  flagGoldAfter: number;
  flagFastShare: number;
  flagLeftMargin: number;
  flagLeftAfter: number;
};

/** What the rules read of a labeler: counts and shares, null where there is nothing to share. */
export type RuleInputs = {
  judgments: number;
  goldJudged: number;
  goldAccuracy: number | null;
  /** Share of decisions made in under fastMs. */
  fastShare: number | null;
  /** Share of A/B picks that took the left response. */
  leftRate: number | null;
};

export type Flag = { rule: "gold" | "fast" | "left"; reason: string };

const pct = (x: number) => `${Math.round(100 * x)}%`;
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/**
 * Gold accuracy below the bar once enough gold pairs are answered; at least the set share of
 * decisions under fastMs; a left rate outside ½ ± margin once enough judgments are made. The
 * bounds are exact: 70% accuracy is not below 70%, 30% fast is at the 30% bar, 35% left is inside.
 */
export function labelerFlags(stats: RuleInputs, rules: QualityRules): Flag[] {
  const flags: Flag[] = [];
  const { goldAccuracy, fastShare, leftRate } = stats;
  if (goldAccuracy !== null && stats.goldJudged >= rules.flagGoldAfter && goldAccuracy < rules.flagGoldBelow) {
    flags.push({
      rule: "gold",
      reason: `Gold accuracy ${pct(goldAccuracy)} on ${stats.goldJudged} gold pairs, below ${pct(rules.flagGoldBelow)}`,
    });
  }
  if (fastShare !== null && stats.judgments > 0 && fastShare >= rules.flagFastShare) {
    flags.push({
      rule: "fast",
      reason: `${pct(fastShare)} of decisions took under ${seconds(rules.fastMs)} (the bar is ${pct(rules.flagFastShare)})`,
    });
  }
  const low = 0.5 - rules.flagLeftMargin;
  const high = 0.5 + rules.flagLeftMargin;
  if (leftRate !== null && stats.judgments >= rules.flagLeftAfter && (leftRate < low || leftRate > high)) {
    flags.push({
      rule: "left",
      reason: `Picked the left response ${pct(leftRate)} of the time, outside ${pct(low)}–${pct(high)}, over ${stats.judgments} judgments`,
    });
  }
  return flags;
}
