/** One human judgment between two candidates for the same prompt, as the trainer reads it. */
export type Comparison = {
  prompt: string;
  chosen: string;
  rejected: string;
  /** The two were judged equally good; which one is called `chosen` then means nothing. */
  tie?: boolean;
  /** Multiplies this comparison's loss (default 1). */
  weight?: number;
  /** Reward gap the chosen one should clear, added to the one derived from `strength` (default 0). */
  margin?: number;
  /** The labeler's strength of preference, 1 (slight) to 3 (strong); ignored for ties. */
  strength?: number;
};
