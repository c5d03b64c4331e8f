import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement, type Tally } from "./coefficients";
import { agreementReport, talliesOf } from "./report";
import type { Vote } from "./votes";

const tallies = (rows: number[][]): Tally[] => rows.map((counts) => ({ counts, pairs: 1 }));

// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories → κ = 0.210.
const WIKIPEDIA_FLEISS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4-observer × 12-unit
// example with missing values (null), values 1..5 → α nominal = 0.743.
const KRIPPENDORFF_2011: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function unitsOf(matrix: (number | null)[][]): number[][] {
  const units = (matrix[0] ?? []).map(() => [0, 0, 0, 0, 0]);
  for (const row of matrix)
    row.forEach((value, u) => {
      const unit = units[u];
      if (value !== null && unit) unit[value - 1] = (unit[value - 1] ?? 0) + 1;
    });
  return units;
}

describe("Fleiss' κ", () => {
  it("gives 0.210 on Wikipedia's worked example, with P̄ = 0.378", () => {
    const kappa = fleissKappa(tallies(WIKIPEDIA_FLEISS), { rounds: 200 });
    expect(kappa.value).toBeCloseTo(0.21, 3);
    expect(kappa.n).toBe(10);
    expect(percentAgreement(tallies(WIKIPEDIA_FLEISS)).value).toBeCloseTo(0.378, 3);
    expect(kappa.ciLow).toBeLessThan(0.21);
    expect(kappa.ciHigh).toBeGreaterThan(0.21);
  });

  it("is undefined, not NaN, when every judgment is in one category", () => {
    const kappa = fleissKappa(
      tallies([
        [3, 0, 0, 0],
        [2, 0, 0, 0],
      ]),
    );
    expect(kappa.value).toBeNull();
    expect(kappa.reason).toMatch(/undefined/i);
    expect(
      percentAgreement(
        tallies([
          [3, 0, 0, 0],
          [2, 0, 0, 0],
        ]),
      ).value,
    ).toBe(1);
  });

  it("says 'not enough overlap' when no pair has two judgments", () => {
    const kappa = fleissKappa(
      tallies([
        [1, 0, 0, 0],
        [0, 1, 0, 0],
      ]),
    );
    expect(kappa.value).toBeNull();
    expect(kappa.reason).toMatch(/not enough overlap/i);
  });
});

describe("Krippendorff's α", () => {
  it("gives 0.743 nominal on Krippendorff's (2011) example with missing values", () => {
    const alpha = krippendorffAlpha(tallies(unitsOf(KRIPPENDORFF_2011)), { rounds: 200 });
    expect(alpha.value).toBeCloseTo(0.743, 3);
    expect(alpha.n).toBe(11); // unit 12 has one value: unpairable
  });

  it("is undefined when everybody agrees on one category", () => {
    expect(krippendorffAlpha(tallies([[2, 0, 0, 0]])).reason).toMatch(/undefined/i);
  });
});

describe("Cohen's κ", () => {
  it("gives 0.4 on Wikipedia's 50-proposal example", () => {
    // Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15: p_o = 0.7, p_e = 0.5
    expect(
      cohenKappa([
        [20, 5],
        [10, 15],
      ]).value,
    ).toBeCloseTo(0.4, 12);
  });

  it("matches an independent computation in python on a 4-category table", () => {
    const table = [
      [14, 3, 1, 0],
      [2, 11, 2, 1],
      [1, 2, 5, 1],
      [0, 1, 1, 3],
    ];
    const python = `
import json, sys
t = json.loads(sys.argv[1]); n = sum(map(sum, t)); k = len(t)
po = sum(t[i][i] for i in range(k)) / n
pe = sum(sum(t[i]) * sum(r[i] for r in t) for i in range(k)) / n / n
print((po - pe) / (1 - pe))`;
    const expected = Number(execFileSync("python3", ["-c", python, JSON.stringify(table)], { encoding: "utf8" }));
    expect(cohenKappa(table).value).toBeCloseTo(expected, 12);
  });

  it("needs 20 shared pairs", () => {
    const few = cohenKappa([
      [10, 0],
      [0, 9],
    ]);
    expect(few.value).toBeNull();
    expect(few.reason).toMatch(/19 shared pairs/);
  });
});

describe("agreement report", () => {
  it("handles one labeler without NaN anywhere", () => {
    const votes: Vote[] = [
      { pairId: "p1", labelerId: "a", choice: "A" },
      { pairId: "p2", labelerId: "a", choice: "BOTH_BAD" },
    ];
    const report = agreementReport(talliesOf(votes));
    expect(report).toMatchObject({ judgments: 2, pairs: 2, labelers: 1 });
    expect(report.categories.BOTH_BAD).toBe(1);
    expect(JSON.stringify(report)).not.toMatch(/NaN/);
    expect(report.fleissKappa.reason).toMatch(/not enough overlap/i);
    expect(report.cohenKappa).toEqual([]);
  });

  it("treats BOTH_BAD as its own category", () => {
    const votes: Vote[] = ["a", "b"].flatMap((l) => [
      { pairId: "p1", labelerId: l, choice: "BOTH_BAD" as const },
      { pairId: "p2", labelerId: l, choice: "A" as const },
    ]);
    votes.push({ pairId: "p3", labelerId: "a", choice: "TIE" }, { pairId: "p3", labelerId: "b", choice: "BOTH_BAD" });
    const report = agreementReport(talliesOf(votes));
    expect(report.percentAgreement.value).toBeCloseTo(2 / 3, 12);
  });
});
