import { describe, expect, it } from "vitest";
import type { BoardState } from "../go/state";
import { goVibeUtility, logit, TRUTH_SCALE, vibeOf } from "./go-vibe";

const EMPTY = Array(9).fill(".........");
function board(rows: string[], lastMove: { x: number; y: number } | null, toPlay: "B" | "W" = "W"): BoardState {
  return { size: 9, komi: 7.5, toPlay, position: rows.join("/"), lastMove };
}
function put(rows: string[], x: number, y: number, stone: string): string[] {
  return rows.map((row, i) => (i === y ? row.slice(0, x) + stone + row.slice(x + 1) : row));
}

describe("the Go vibe", () => {
  it("likes 3rd–4th line moves and contact with an enemy stone, nothing else", () => {
    // Black just played (White to play).
    expect(vibeOf(board(put(EMPTY, 2, 2, "X"), { x: 2, y: 2 }))).toBe(1); // 3rd line, no contact
    expect(vibeOf(board(put(EMPTY, 3, 4, "X"), { x: 3, y: 4 }))).toBe(1); // 4th line
    expect(vibeOf(board(put(EMPTY, 4, 4, "X"), { x: 4, y: 4 }))).toBe(0); // centre (5th line)
    expect(vibeOf(board(put(EMPTY, 0, 1, "X"), { x: 0, y: 1 }))).toBe(0); // edge
    const contact = put(put(EMPTY, 2, 3, "O"), 2, 2, "X");
    expect(vibeOf(board(contact, { x: 2, y: 2 }))).toBe(2);
    // An own stone next to it is not contact; White's move next to Black is.
    expect(vibeOf(board(put(put(EMPTY, 4, 5, "X"), 4, 4, "X"), { x: 4, y: 4 }))).toBe(0);
    expect(vibeOf(board(put(put(EMPTY, 4, 5, "X"), 4, 4, "O"), { x: 4, y: 4 }, "B"))).toBe(1);
    expect(vibeOf(board(EMPTY, null))).toBe(0);
  });

  it("adds the weighted vibe to the scaled logit of the question side's win probability", () => {
    const b = board(put(put(EMPTY, 2, 3, "O"), 2, 2, "X"), { x: 2, y: 2 });
    expect(goVibeUtility(b, 0.7, "B", 0)).toBeCloseTo(TRUTH_SCALE * Math.log(0.7 / 0.3), 12);
    expect(goVibeUtility(b, 0.7, "W", 0)).toBeCloseTo(TRUTH_SCALE * Math.log(0.3 / 0.7), 12);
    expect(goVibeUtility(b, 0.5, "B", 1.5)).toBeCloseTo(3, 12);
    expect(goVibeUtility(b, null, "B", 1)).toBe(2);
    expect(Number.isFinite(logit(1))).toBe(true);
  });
});
