import type { Colour } from "../go/coords";

/** One candidate's ground truth: Black's win probability and its standard error. */
export type TruthEstimate = { pBlackWins: number; standardError: number };

export type TrueAnswer = "A" | "B" | "TIE";

/** Differences within this many combined standard errors count as a tie (about 95% for z = 2). */
export const TIE_Z = 2;

/**
 * The true answer of a pair: the candidate whose position gives `side` (Black by default, as the
 * default question asks) the higher win probability, or TIE when the two estimates differ by no
 * more than TIE_Z · sqrt(se_a² + se_b²), i.e. the playouts cannot tell them apart.
 */
export function trueAnswer(pair: { a: TruthEstimate; b: TruthEstimate }, side: Colour = "B"): TrueAnswer {
  const { a, b } = pair;
  const difference = side === "B" ? a.pBlackWins - b.pBlackWins : b.pBlackWins - a.pBlackWins;
  const margin = TIE_Z * Math.hypot(a.standardError, b.standardError);
  if (Math.abs(difference) <= margin) return "TIE";
  return difference > 0 ? "A" : "B";
}
