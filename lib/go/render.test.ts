import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GoBoardSvg } from "../../components/go/board";
import { stateFromPosition } from "./candidate";
import { describeBoard, starPoints, stonesOf } from "./render";

const POSITION = "........./........./..X....../...O...../....X..../........./........./........./.........";

describe("board rendering data", () => {
  it("places the usual star points", () => {
    expect(starPoints(9)).toEqual([
      { x: 2, y: 2 },
      { x: 6, y: 2 },
      { x: 2, y: 6 },
      { x: 6, y: 6 },
      { x: 4, y: 4 },
    ]);
    expect(starPoints(13)).toHaveLength(5);
    expect(starPoints(19)).toHaveLength(9);
    expect(starPoints(19)).toContainEqual({ x: 9, y: 3 });
    expect(starPoints(4)).toEqual([]);
  });

  it("describes the position in words: turn, counts, last move and every stone", () => {
    const state = stateFromPosition({ position: POSITION, toPlay: "W", lastMove: "E5" });
    expect(describeBoard(state)).toBe(
      "9 by 9 Go board, White to play, komi 7.5. 2 black stones, 1 white stone. Last move: Black at E5. Black: C7, E5. White: D6.",
    );
    expect(describeBoard({ ...state, lastMove: "pass", toPlay: "B" })).toContain("Last move: White passed.");
  });
});

describe("GoBoardSvg", () => {
  const render = (state: Parameters<typeof GoBoardSvg>[0]["state"]) =>
    renderToStaticMarkup(createElement(GoBoardSvg, { state }));

  it("draws grid, star points, coordinates, stones and the last move, as an image with a text alternative", () => {
    const state = stateFromPosition({ position: POSITION, toPlay: "W", lastMove: "E5" });
    const svg = render(state);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img"/);
    expect(svg).toContain(`aria-label="${describeBoard(state)}"`);
    expect(svg.match(/<line /g)).toHaveLength(18);
    expect(svg.match(/data-stone="B"/g)).toHaveLength(2);
    expect(svg.match(/data-stone="W"/g)).toHaveLength(1);
    expect(svg.match(/data-last-move="true"/g)).toHaveLength(1);
    for (const label of ["A", "J", ">1<", ">9<"]) expect(svg).toContain(label);
    expect(svg).not.toMatch(/>I</);
    expect(svg).toContain("White to play");
    expect(stonesOf(state)).toHaveLength(3);
  });

  it("marks no move on a set-up position and says when the last move was a pass", () => {
    const setUp = stateFromPosition({ position: POSITION, toPlay: "B" });
    expect(render(setUp)).not.toContain("data-last-move");
    expect(render({ ...setUp, lastMove: "pass" })).toContain("Black to play · White passed");
  });
});
