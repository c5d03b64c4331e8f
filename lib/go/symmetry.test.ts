import { describe, expect, it } from "vitest";
import { boardSymmetries } from "./symmetry";

describe("boardSymmetries", () => {
  it("gives the 8 rotations and reflections of a board with no symmetry of its own", () => {
    // One black stone at the top left next to a white one to its right: 8 distinct images.
    const variants = boardSymmetries("XO./.../... W");
    expect(variants[0]).toBe("XO./.../... W");
    expect(new Set(variants).size).toBe(8);
    expect(variants).toContain("..X/..O/... W"); // rotated a quarter turn clockwise
    expect(variants).toContain(".../O../X.. W"); // rotated a quarter turn counterclockwise
    expect(variants).toContain(".../.../XO. W"); // reflected top to bottom
    expect(variants.every((v) => v.endsWith(" W"))).toBe(true);
  });

  it("keeps the stones: every image has the same count of each colour, and images of images are images", () => {
    const board = "XX.O./.O..X/..X../O...O/...XX B";
    const count = (s: string, c: string) => s.split(c).length - 1;
    const variants = boardSymmetries(board);
    for (const v of variants) {
      expect([count(v, "X"), count(v, "O")]).toEqual([count(board, "X"), count(board, "O")]);
      expect(new Set(boardSymmetries(v))).toEqual(new Set(variants));
    }
  });

  it("gives one distinct image of a fully symmetric board, and works without a side to move", () => {
    expect(new Set(boardSymmetries(".../.X./...")).size).toBe(1);
    expect(boardSymmetries(".../.X./...")[0]).toBe(".../.X./...");
  });
});
