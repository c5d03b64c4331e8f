import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { leaderboard, leaderboardFromMatchups, type Matchup } from "./leaderboard";
import type { Vote } from "./votes";

function votes(sourceA: string, sourceB: string, choice: Vote["choice"], times: number): Vote[] {
  return Array.from({ length: times }, (_, k) => ({
    pairId: `${sourceA}-${sourceB}-${choice}-${k}`,
    labelerId: "l",
    choice,
    sourceA,
    sourceB,
  }));
}

describe("Bradley–Terry leaderboard", () => {
  it("gives log(wins/losses) between two sources, ties as half a win, both-bad left out", () => {
    const board = leaderboard(
      [
        ...votes("m1", "m2", "A", 20),
        ...votes("m2", "m1", "B", 10), // m1 wins as B
        ...votes("m1", "m2", "B", 10),
        ...votes("m1", "m2", "TIE", 4),
        ...votes("m1", "m2", "BOTH_BAD", 50),
      ],
      { rounds: 300 },
    );
    const [top, bottom] = board.sources;
    // m1: 30 wins + 2 half-wins = 32; m2: 10 + 2 = 12 → difference log(32/12), centred
    expect(top?.source).toBe("m1");
    expect(top?.strength).toBeCloseTo(Math.log(32 / 12) / 2, 8);
    expect(bottom?.strength).toBeCloseTo(-Math.log(32 / 12) / 2, 8);
    expect(top).toMatchObject({ wins: 30, losses: 10, ties: 4, rank: 1 });
    expect(bottom?.rank).toBe(2); // 44 judgments at 73% apart: intervals do not overlap
    expect(board.judgments).toBe(44);
    expect(top?.ciLow).toBeLessThan(top?.strength ?? 0);
  });

  it("matches an independent maximum likelihood fit (gradient ascent in numpy) on four sources", () => {
    const matchups: Matchup[] = [
      { first: "a", second: "b", firstWins: 12, secondWins: 8, ties: 3 },
      { first: "a", second: "c", firstWins: 15, secondWins: 5, ties: 1 },
      { first: "b", second: "c", firstWins: 9, secondWins: 9, ties: 4 },
      { first: "b", second: "d", firstWins: 14, secondWins: 3, ties: 0 },
      { first: "c", second: "d", firstWins: 10, secondWins: 6, ties: 2 },
      { first: "a", second: "d", firstWins: 7, secondWins: 2, ties: 1 },
    ];
    const python = `
import json, sys
import numpy as np
ms = json.loads(sys.argv[1]); names = sorted({m[k] for m in ms for k in ("first", "second")})
ix = {n: k for k, n in enumerate(names)}; th = np.zeros(len(names))
for _ in range(20000):
    g = np.zeros(len(names))
    for m in ms:
        i, j = ix[m["first"]], ix[m["second"]]; n = m["firstWins"] + m["secondWins"] + m["ties"]
        p = 1 / (1 + np.exp(th[j] - th[i])); w = m["firstWins"] + m["ties"] / 2
        g[i] += w - n * p; g[j] -= w - n * p
    th += 0.02 * g; th -= th.mean()
print(json.dumps(dict(zip(names, th.tolist()))))`;
    const expected = JSON.parse(
      execFileSync("python3", ["-c", python, JSON.stringify(matchups)], { encoding: "utf8" }),
    );
    const board = leaderboardFromMatchups(matchups, { rounds: 100 });
    for (const row of board.sources) expect(row.strength).toBeCloseTo(expected[row.source], 6);
    expect(board.sources.reduce((a, r) => a + (r.strength ?? 0), 0)).toBeCloseTo(0, 10);
  });

  it("says why there are no strengths when a source never lost", () => {
    const board = leaderboard(votes("m1", "m2", "A", 5));
    expect(board.sources.every((r) => r.strength === null)).toBe(true);
    expect(board.reason).toMatch(/never lost/);
    expect(JSON.stringify(board)).not.toMatch(/NaN/);
    expect(leaderboard([]).reason).toMatch(/at least two different sources/);
  });
});
