import { estimateTruth } from "../../lib/go/estimators";
import { type BoardState, compactPosition } from "../../lib/go/state";
import { goodhartCurve } from "../../lib/lab/curve";
import { samplePolicyMoves } from "../../lib/lab/go-samples";
import { BON_DEFAULTS, estimateAll, positionsFor } from "../../lib/lab-service/bon";
import { truthSeed } from "../../lib/truth/config";
import { type BenchSection, medianOf } from "./report";

// The over-optimization lab's best-of-n at the demo size (BON_DEFAULTS: 40 positions × 16 policy
// moves, 800 random playouts per distinct board): positions, samples, every board's truth on the
// worker threads (one per core) and the curve with its 1,000 bootstrap resamples, next to the
// same playouts run one after another on this thread. The reward model's scoring (one ONNX batch
// per position, well under a second) needs a database and is left out of both.

const { positions: P, samples: M, playouts, seed } = BON_DEFAULTS;

function boardsOf(): { perPosition: string[][]; boards: Map<string, BoardState> } {
  const boards = new Map<string, BoardState>();
  const perPosition = positionsFor({ size: 9, komi: 7.5 }, "B", P, seed).map((p, i) =>
    samplePolicyMoves(p.before, M, seed + i).map((s) => {
      const key = compactPosition(s.after);
      boards.set(key, s.after);
      return key;
    }),
  );
  return { perPosition, boards };
}

export const labBench: BenchSection = {
  name: "lab",
  title: `Over-optimization lab: best-of-n at the demo size (${P} positions × ${M} moves, ${playouts} playouts per board)`,
  run: async () => {
    let distinct = 0;
    const threaded = await medianOf(3, async () => {
      const started = performance.now();
      const { perPosition, boards } = boardsOf();
      distinct = boards.size;
      const truth = await estimateAll(boards, "random-playouts/v1", playouts);
      // A stand-in proxy (the truth itself): the curve's cost does not depend on the scores.
      goodhartCurve(
        perPosition.map((keys) => keys.map((k) => ({ proxy: truth.get(k) ?? 0, truth: truth.get(k) ?? 0 }))),
      );
      return (performance.now() - started) / 1000;
    });
    const oneThread = await medianOf(3, async () => {
      const { boards } = boardsOf();
      const started = performance.now();
      for (const [key, state] of boards)
        await estimateTruth(state, "random-playouts/v1", { seed: truthSeed(key), playouts });
      return (performance.now() - started) / 1000;
    });
    return [
      {
        name: `best-of-n curve, ${distinct} distinct boards on worker threads, with the bootstrap`,
        value: threaded,
        unit: "s",
        baselineName: "the same playouts on one thread",
        baseline: oneThread,
        target: { op: "<=", value: 120 },
      },
    ];
  },
};
