import { describe, expect, it } from "vitest";
import { labelerFlags, type QualityRules, type RuleInputs } from "./flags";
import { timeBucketLabels } from "./histogram";

const RULES: QualityRules = {
  fastMs: 2000,
  flagGoldBelow: 0.7,
  flagGoldAfter: 20,
  flagFastShare: 0.3,
  flagLeftMargin: 0.15,
  flagLeftAfter: 50,
};

const FINE: RuleInputs = { judgments: 100, goldJudged: 20, goldAccuracy: 0.9, fastShare: 0.1, leftRate: 0.5 };
const rules = (stats: Partial<RuleInputs>) => labelerFlags({ ...FINE, ...stats }, RULES).map((f) => f.rule);

describe("labeler flags", () => {
  it("raises none for a careful labeler", () => {
    expect(labelerFlags(FINE, RULES)).toEqual([]);
  });

  it("flags gold accuracy below the bar only once enough gold pairs are answered", () => {
    expect(rules({ goldAccuracy: 0.7 })).toEqual([]);
    expect(rules({ goldAccuracy: 13 / 20 })).toEqual(["gold"]);
    expect(rules({ goldAccuracy: 0.5, goldJudged: 19 })).toEqual([]);
    expect(rules({ goldAccuracy: null, goldJudged: 0 })).toEqual([]);
  });

  it("flags a share of fast decisions at the bar and above", () => {
    expect(rules({ fastShare: 0.3 })).toEqual(["fast"]);
    expect(rules({ fastShare: 0.29 })).toEqual([]);
  });

  it("flags a left rate outside 35–65% only once enough judgments are made", () => {
    expect(rules({ leftRate: 0.35 })).toEqual([]);
    expect(rules({ leftRate: 0.65 })).toEqual([]);
    expect(rules({ leftRate: 0.34 })).toEqual(["left"]);
    expect(rules({ leftRate: 0.66 })).toEqual(["left"]);
    expect(rules({ leftRate: 0.9, judgments: 49 })).toEqual([]);
    expect(rules({ leftRate: 0.9, judgments: 50 })).toEqual(["left"]);
  });

  it("says why in words", () => {
    const [gold, fast, left] = labelerFlags(
      { judgments: 60, goldJudged: 20, goldAccuracy: 0.6, fastShare: 0.45, leftRate: 0.8 },
      RULES,
    );
    expect(gold?.reason).toBe("Gold accuracy 60% on 20 gold pairs, below 70%");
    expect(fast?.reason).toBe("45% of decisions took under 2 s (the bar is 30%)");
    expect(left?.reason).toBe("Picked the left response 80% of the time, outside 35%–65%, over 60 judgments");
  });
});

describe("decision-time buckets", () => {
  it("names one bucket per edge plus one", () => {
    expect(timeBucketLabels()).toEqual(["<1 s", "1–2 s", "2–5 s", "5–10 s", "10–30 s", "30–60 s", "≥60 s"]);
  });
});
