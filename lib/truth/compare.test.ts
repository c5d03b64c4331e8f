import { describe, expect, it } from "vitest";
import { scoreToWinProbability } from "../go/estimators";
import { agreement, winnerAnswer } from "./compare";

const exact = (p: number) => ({ pBlackWins: p, standardError: 0 });

describe("estimator agreement", () => {
  it("counts only the pairs both lists decide, with the Wilson interval", () => {
    const result = agreement(["A", "B", "TIE", "A", "B"], ["A", "A", "B", "TIE", "B"]);
    expect(result).toMatchObject({ decided: 3, agreed: 2 });
    // Wilson 95% for 2 of 3, computed independently: centre (p + z²/2n)/(1 + z²/n) ± half-width.
    expect(result.low).toBeCloseTo(0.2077, 3);
    expect(result.high).toBeCloseTo(0.9385, 3);
    expect(agreement(["TIE"], ["A"])).toMatchObject({ decided: 0, agreed: 0, low: 0, high: 1 });
  });

  it("reads GNU Go by winner alone: a pair is decided only when the two games have different winners", () => {
    const blackBy = (points: number) => exact(scoreToWinProbability(points));
    expect(winnerAnswer({ a: blackBy(3.5), b: blackBy(-0.5) })).toBe("A");
    expect(winnerAnswer({ a: blackBy(-12.5), b: blackBy(1.5) })).toBe("B");
    // Same winner, different margins: the margin decides plain gnugo/v1, not the winner reading.
    expect(winnerAnswer({ a: blackBy(-28.5), b: blackBy(-30.5) })).toBe("TIE");
    expect(winnerAnswer({ a: blackBy(0), b: blackBy(5.5) })).toBe("TIE");
  });
});
