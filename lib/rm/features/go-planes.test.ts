import { describe, expect, it } from "vitest";
import { generatePrompts } from "../../go/generate";
import { featurize, type SparseVector } from "./featurize";
import { goPlanesSpec } from "./go-spec";
import { parseFeaturizerSpec } from "./spec";

const entries = (v: SparseVector) => Array.from(v.indices, (index, k) => [index, v.values[k] as number]);
const swapColours = (position: string) =>
  position.replace(/[XO]|\s[BW]$/g, (c) => ({ X: "O", O: "X", " B": " W", " W": " B" })[c] ?? c);

// 5x5, Black to move. Black: a two-stone group in atari at the top left (its one liberty at row 3)
// and a lone stone with 4 liberties; White: a two-stone group with 3 liberties and a corner stone
// with 2. One empty region touches both colours, so nobody owns area beyond stones.
const board = ["XO...", "XO...", ".....", "...X.", "....O"].join("/");

describe("Go board planes (go-planes v1)", () => {
  it("lays out stones, empties and liberty bands from Black's view (worked out by hand)", () => {
    const v = featurize(goPlanesSpec("B", [5]), { text: `${board} B` });
    // Slots 0-2 are scalars, then 9 planes of 25 points from slot 3; point index = row·5 + column.
    // Black stones at points 0, 5, 18; White at 1, 6, 24.
    const plane = (p: number, points: number[]) => points.map((point) => [3 + 25 * p + point, 0.2]);
    const empties = [2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23];
    const expected = [
      [0, 1], // Black (the perspective) is to move; equal stones and no area: the balances are 0
      ...plane(0, [0, 5, 18]),
      ...plane(1, [1, 6, 24]),
      ...plane(2, empties),
      ...plane(3, [0, 5]), // own group in atari
      ...plane(5, [18]), // own, 3+ liberties
      ...plane(7, [24]), // opponent, 2 liberties
      ...plane(8, [1, 6]), // opponent, 3+ liberties
    ];
    expect(entries(v)).toHaveLength(expected.length);
    entries(v).forEach(([index, value], k) => {
      expect(index).toBe(expected[k]?.[0]);
      expect(value).toBeCloseTo(expected[k]?.[1] as number, 6);
    });
  });

  it("reads the same board from White's view with own and opponent exchanged", () => {
    const v = featurize(goPlanesSpec("W", [5]), { text: `${board} B` });
    const slots = Array.from(v.indices);
    expect(slots[0]).not.toBe(0); // White is not to move
    expect(slots.filter((s) => s >= 3 && s < 28)).toEqual([1, 6, 24].map((p) => 3 + p));
    expect(slots.filter((s) => s >= 78 && s < 103)).toEqual([]); // no white group in atari
    expect(slots.filter((s) => s >= 153 && s < 178)).toEqual([0, 5].map((p) => 153 + p)); // opponent in atari
  });

  it("measures stone and area balance", () => {
    // A black wall down the middle column: all 25 points are Black's area.
    const wall = ["..X..", "..X..", "..X..", "..X..", "..X.."].join("/");
    const black = featurize(goPlanesSpec("B", [5]), { text: `${wall} W` });
    expect(entries(black).slice(0, 2)).toEqual([
      [1, Math.fround(0.2)], // (5 − 0) / 25, stored as float32
      [2, 1], // (25 − 0) / 25
    ]);
    const white = featurize(goPlanesSpec("W", [5]), { text: `${wall} W` });
    expect(entries(white)[0]).toEqual([0, 1]);
    expect(entries(white)[1]).toEqual([1, Math.fround(-0.2)]);
    expect(entries(white)[2]).toEqual([2, -1]);
  });

  it("gives a board and its colour-swapped twin the same vector from opposite sides", () => {
    const prompts = generatePrompts({ size: 9, prompts: 20, seed: 5, candidates: { min: 2, max: 4 } });
    const spec9 = { B: goPlanesSpec("B", [9]), W: goPlanesSpec("W", [9]) };
    let boards = 0;
    for (const prompt of prompts) {
      for (const c of prompt.candidates) {
        const text = `${c.position} ${c.toPlay}`;
        expect(entries(featurize(spec9.W, { text: swapColours(text) }))).toEqual(entries(featurize(spec9.B, { text })));
        boards++;
      }
    }
    expect(boards).toBeGreaterThan(40);
  });

  it("puts each board size in its own block and refuses sizes it was not built for", () => {
    const spec = goPlanesSpec("B", [9, 5]);
    expect(spec.sizes).toEqual([5, 9]);
    expect(spec.dims).toBe(3 + 9 * 25 + 9 * 81);
    const small = featurize(spec, { text: `${board} B` });
    expect(Math.max(...small.indices)).toBeLessThan(3 + 9 * 25);
    const nine = featurize(spec, { text: `${Array(9).fill(".........").join("/")} B` });
    expect(Array.from(nine.indices).every((i) => i === 0 || (i >= 3 + 9 * 25 && i < spec.dims))).toBe(true);
    expect(() => featurize(goPlanesSpec("B", [9]), { text: `${board} B` })).toThrow(
      "this reward model reads 9x9 boards, not 5x5",
    );
  });

  it("says what is wrong with a text that is not a position", () => {
    const spec = goPlanesSpec("B", [5]);
    expect(() => featurize(spec, { text: board })).toThrow(/say who moves next/);
    expect(() => featurize(spec, { text: "XO.../XZ.../...../...../..... B" })).toThrow(
      "unknown character 'Z' at row 2, column 2",
    );
  });

  it("is a spec that survives storage, and a damaged one is refused with the field named", () => {
    const spec = goPlanesSpec("W", [13, 9]);
    expect(parseFeaturizerSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    expect(() => parseFeaturizerSpec({ ...spec, dims: 100 })).toThrow(/dims must be 3 \+ 9 planes/);
    expect(() => parseFeaturizerSpec({ ...spec, sizes: [9, 9] })).toThrow(/sizes: sizes must be distinct/);
    expect(() => parseFeaturizerSpec({ ...spec, perspective: "X" })).toThrow(/perspective/);
  });
});
