import { beforeAll, describe, expect, it } from "vitest";
import { ensureGnuGo } from "../../tests/setup/gnugo";
import { GnuGoUnavailable, gnugoPath, gnugoSelfPlay, readScore } from "./gnugo";

// Settled 7x7: Black owns columns A-C (21 points), White columns D-G (28). By hand, Black minus
// White with komi 0.5: 21 - 28 - 0.5 = -7.5, whatever sensible moves are left.
const SETTLED = ["..XO...", "..XO...", "..XO...", "..XO...", "..XO...", "..XO...", "..XO..."].join("/");

describe("GNU Go self-play", () => {
  beforeAll(() => {
    ensureGnuGo();
  });

  it("plays a settled position out and reports the score a hand count gives", async () => {
    const game = await gnugoSelfPlay(
      { size: 7, komi: 0.5, toPlay: "B", position: SETTLED, lastMove: null },
      { level: 1, seed: 1 },
    );
    expect(game.score).toBe(-7.5);
    expect(game.resigned).toBeNull();
  }, 60_000);

  it("reads GTP final scores", () => {
    expect(readScore("B+3.5")).toBe(3.5);
    expect(readScore("W+12")).toBe(-12);
    expect(readScore("0")).toBe(0);
    expect(() => readScore("?")).toThrow(/not B\+n/);
  });

  it("says how to install GNU Go where it is missing", () => {
    expect(() => gnugoPath({ GNUGO: "/nowhere/gnugo" })).toThrow(GnuGoUnavailable);
    expect(() => gnugoPath({ GNUGO: "/nowhere/gnugo" })).toThrow(/apt-get install -y gnugo/);
  });
});
