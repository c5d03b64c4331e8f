import { optionsForSize } from "../../lib/rm/eval/train-and-evaluate";
import { createGoWorld, goTruthAccuracy, goVotes } from "../../lib/rm/synthetic/go";
import { sfc32 } from "../../lib/rm/train/random";
import { trainingSetupForProject } from "../../lib/rm/train/setup";
import { type TrainOptions, trainRewardModel } from "../../lib/rm/train/train";
import { type BenchFigure, type BenchSection, median } from "./report";

// A Go project's reward model against the true winner: 2,500 generated 9x9 prompts (about 7,500
// boards) whose truth is Black's win probability from 300 random playouts, 8 simulated votes per
// prompt following that truth (lib/rm/synthetic/go.ts), 70% of the prompts trained on, 10% for
// early stopping, 20% held out. Medians over three draws of the votes.

const PROMPTS = 2_500;
const VOTES = 8;
const SEEDS = [1, 2, 3];

export const goRmBench: BenchSection = {
  name: "go-rm",
  title: "Go reward model: accuracy against the true winner on held-out boards (simulated votes)",
  run: async () => {
    const world = createGoWorld({ size: 9, prompts: PROMPTS, seed: 7, playouts: 300 });
    const go = trainingSetupForProject({ kind: "GO", question: null }, []);
    const text = trainingSetupForProject({ kind: "TEXT", question: null }, []);
    const setups: Record<string, Partial<TrainOptions>> = {
      symmetries: go,
      planes: { ...go, augment: "none" },
      text,
    };
    const accuracy: Record<string, number[]> = { symmetries: [], planes: [], text: [] };
    const seconds: Record<string, number[]> = { symmetries: [], planes: [], text: [] };
    let votes = 0;
    for (const seed of SEEDS) {
      const random = sfc32(seed);
      const train = goVotes(world, 0, 0.7 * PROMPTS, VOTES, random);
      const validation = goVotes(world, 0.7 * PROMPTS, 0.8 * PROMPTS, VOTES, random);
      votes = train.length;
      for (const [name, setup] of Object.entries(setups)) {
        const started = performance.now();
        const { model } = trainRewardModel(train, { validation, ...optionsForSize(train.length), ...setup });
        seconds[name]?.push((performance.now() - started) / 1000);
        accuracy[name]?.push(goTruthAccuracy(model, world, 0.8 * PROMPTS).accuracy);
      }
    }
    const at = (values: Record<string, number[]>, name: string) => median(values[name] ?? []);
    const figure = (name: string, of: string, unit: string, values: Record<string, number[]>): BenchFigure => ({
      name,
      value: at(values, of),
      unit,
      baselineName: "the position string through the hashed text featurizer",
      baseline: at(values, "text"),
    });
    return [
      figure(`board planes + 8 symmetries, ${votes.toLocaleString("en-US")} votes`, "symmetries", "accuracy", accuracy),
      figure("board planes without symmetries", "planes", "accuracy", accuracy),
      figure("training time, board planes + 8 symmetries", "symmetries", "s", seconds),
    ];
  },
};
