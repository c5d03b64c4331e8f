import { describe, expect, it } from "vitest";
import { GoBoard } from "./board";
import { generatePrompts } from "./generate";
import { playRandomGame } from "./playout";
import { parsePosition } from "./position";
import { Rng } from "./rng";
import { winProbability } from "./winprob";

/**
 * `random-playouts/v1` rows are stored with their seed, so the playout must stay bit-identical
 * however it is made faster: these figures were recorded with the first implementation. A change
 * that moves them is a new estimator version, not a refactoring.
 */

/** FNV-1a over the final colours of a seeded playout from `board`, for seeds 1..games. */
function playoutFingerprint(board: GoBoard, games: number): number {
  let hash = 0x811c9dc5;
  const core = board.core.clone();
  for (let seed = 1; seed <= games; seed++) {
    core.copyFrom(board.core);
    const moves = playRandomGame(core, new Rng(seed), 3 * board.size * board.size);
    hash = Math.imul(hash ^ moves, 0x01000193);
    for (let p = 0; p < core.area; p++) hash = Math.imul(hash ^ (core.colour[p] as number), 0x01000193);
  }
  return hash >>> 0;
}

function generatedBoards(size: number, seed: number): GoBoard[] {
  return generatePrompts({ size, prompts: 4, seed, candidates: { min: 2, max: 2 } }).flatMap((prompt) =>
    prompt.candidates.map((candidate) =>
      parsePosition(candidate.position, { toPlay: candidate.toPlay, komi: candidate.komi }),
    ),
  );
}

describe("random-playouts/v1 stays bit-identical", () => {
  it("plays the recorded games", () => {
    const boards = [GoBoard.empty(9), GoBoard.empty(13), ...generatedBoards(9, 7), ...generatedBoards(19, 2)];
    expect(boards.map((board) => playoutFingerprint(board, 40))).toEqual(GOLDEN_FINGERPRINTS);
  });

  it("gives the recorded estimates", () => {
    const boards = generatedBoards(9, 11);
    expect(boards.map((board, i) => winProbability(board, { playouts: 400, seed: i + 1 }).pBlackWins)).toEqual(
      GOLDEN_ESTIMATES,
    );
  });
});

const GOLDEN_FINGERPRINTS = [
  4172463910, 901072914, 2855881236, 4061339662, 2381656368, 3190699485, 463981219, 3165095423, 2390012982, 3741868668,
  2732453683, 3203119270, 4145692381, 551285048, 4129920656, 2406518017, 1340457985, 3450698507,
];
const GOLDEN_ESTIMATES = [0.4475, 0.4875, 0.0425, 0.04, 0.435, 0.5225, 0.3375, 0.2525];
