/**
 * One judgment as the export reads it from the database, with its pair, prompt and both candidates.
 * `choice` is stored in candidate terms (A and B name the pair's candidates, whatever side the
 * labeler saw them on: lib/judgments turns left/right into A/B on submission); `leftIsA` says which
 * candidate was shown on the left.
 * Board, position and truth fields are filled for Go projects only.
 */
export type VoteSource = {
  judgmentId: string;
  pairId: string;
  userId: string;
  choice: "A" | "B" | "TIE" | "BOTH_BAD";
  leftIsA: boolean;
  strength: number | null;
  rationale: string | null;
  durationMs: number;
  createdAt: Date;
  isGold: boolean;
  goldAnswer: "A" | "B" | "TIE" | "BOTH_BAD" | null;
  promptId: string;
  prompt: string;
  a: CandidateSource;
  b: CandidateSource;
};

export type CandidateSource = {
  /** The id given at import. */
  id: string;
  text: string;
  source: string;
  /** Go: the stored board state (Candidate.board), else null. */
  board: unknown;
  /** Go: Black's win probability by playouts when computed, else null. */
  pBlackWins: number | null;
};

export type CandidateChoice = VoteSource["choice"];
