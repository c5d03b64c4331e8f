import type { Colour } from "./coords";

/** What a GO project asks when it sets no question of its own. */
export const DEFAULT_GO_QUESTION = "Which position is better for Black?";

/**
 * The side a question asks about: White when it names White and not Black, else Black. The true
 * answer of a pair compares win probabilities for this side.
 */
export function questionSide(question: string | null | undefined): Colour {
  const text = question ?? DEFAULT_GO_QUESTION;
  return /\bwhite\b/i.test(text) && !/\bblack\b/i.test(text) ? "W" : "B";
}
