import { mkdirSync } from "node:fs";
import path from "node:path";
import type { TruthEstimatorName } from "../../lib/go/estimators";
import { GNUGO_ESTIMATOR, GnuGoUnavailable, gnugoPath } from "../../lib/go/gnugo";
import { UCT_ESTIMATOR } from "../../lib/go/uct";
import { WIN_PROBABILITY_ESTIMATOR } from "../../lib/go/winprob";
import type { TrueAnswer } from "../../lib/truth/answer";
import { type Agreement, agreement, type Comparison, compareEstimators } from "../../lib/truth/compare";
import type { BenchFigure, BenchSection } from "./report";

/**
 * The estimator comparison of `npm run go -- truth-compare` (README, Go) as bench figures: how
 * often the tree search and random playouts agree with GNU Go at level 10 on generated 9x9
 * positions, next to how often GNU Go at level 5 does, the referee's own consistency. GNU Go's
 * games take minutes (level 10: about 21 minutes of both cores for the 591 boards), so they are kept
 * in node_modules/.cache (the usual place for a tool's cache) and played only when missing.
 */
const POSITIONS = Number(process.env.BENCH_TRUTH_POSITIONS ?? 600);
const REFEREE_LEVEL = 10;
const WEAKER_LEVEL = 5;

function cacheFile(level: number): string {
  const folder = path.join(process.cwd(), "node_modules", ".cache", "vibecheck");
  mkdirSync(folder, { recursive: true });
  return path.join(folder, `gnugo-l${level}.json`);
}

function compare(estimators: TruthEstimatorName[], gnugoLevel: number): Promise<Comparison> {
  return compareEstimators({
    positions: POSITIONS,
    size: 9,
    seed: 1,
    estimators,
    gnugoLevel,
    gnugoCache: estimators.includes(GNUGO_ESTIMATOR) ? cacheFile(gnugoLevel) : undefined,
    progress: (name, seconds) =>
      console.log(`  (${name}${name === GNUGO_ESTIMATOR ? ` level ${gnugoLevel}` : ""}: ${seconds.toFixed(1)} s)`),
  });
}

const percent = (a: { agreed: number; decided: number }) => (a.decided > 0 ? (100 * a.agreed) / a.decided : Number.NaN);
const counts = (a: { agreed: number; decided: number; low: number; high: number }) =>
  `${a.agreed}/${a.decided}, 95% ${(100 * a.low).toFixed(0)}–${(100 * a.high).toFixed(0)}%`;

function gnugoInstalled(): boolean {
  try {
    gnugoPath();
    return true;
  } catch (error) {
    if (!(error instanceof GnuGoUnavailable)) throw error;
    console.log(`  (${error.message}; comparing the two Monte Carlo estimators only)`);
    return false;
  }
}

async function run(): Promise<BenchFigure[]> {
  const gnugo = gnugoInstalled();
  const main = await compare(
    gnugo ? [WIN_PROBABILITY_ESTIMATOR, UCT_ESTIMATOR, GNUGO_ESTIMATOR] : [WIN_PROBABILITY_ESTIMATOR, UCT_ESTIMATOR],
    REFEREE_LEVEL,
  );
  const seconds = (name: string) => main.estimators.find((e) => e.name === name)?.seconds ?? Number.NaN;
  const find = (first: string, winnerOnly = false) =>
    main.agreements.find((a) => a.first === first && a.second === GNUGO_ESTIMATOR && a.winnerOnly === winnerOnly);
  const figures: BenchFigure[] = [
    {
      name: `${UCT_ESTIMATOR} estimates of ${main.positions} generated boards, all cores (wall clock)`,
      value: seconds(UCT_ESTIMATOR),
      unit: "s",
      baselineName: `${WIN_PROBABILITY_ESTIMATOR} on the same boards`,
      baseline: seconds(WIN_PROBABILITY_ESTIMATOR),
    },
  ];
  if (!gnugo) {
    const both = main.agreements[0] as Agreement;
    figures.push({
      name: `${UCT_ESTIMATOR} agrees with ${WIN_PROBABILITY_ESTIMATOR} on pairs both decide, % (${counts(both)})`,
      value: percent(both),
      unit: "%",
      baselineName: "pairs both decide",
      baseline: both.decided,
    });
    return figures;
  }
  // The same positions and pairs at a weaker level: how well GNU Go agrees with itself, the
  // baseline of every agreement figure. By winner is the issue's referee (the target is there).
  // GNU Go alone: the Monte Carlo estimators' answers do not depend on its level.
  const weaker = await compare([GNUGO_ESTIMATOR], WEAKER_LEVEL);
  const referee = main.answers.get(GNUGO_ESTIMATOR) as TrueAnswer[];
  const itselfByScore = agreement(weaker.answers.get(GNUGO_ESTIMATOR) as TrueAnswer[], referee);
  // GNU Go's winner reading of the weaker level against that of level 10, pair by pair.
  const itselfByWinner = agreement(weaker.gnugoWinners as TrueAnswer[], main.gnugoWinners as TrueAnswer[]);
  for (const winnerOnly of [true, false]) {
    const itself = winnerOnly ? itselfByWinner : itselfByScore;
    const reading = winnerOnly ? "GNU Go's winners where they differ" : "GNU Go's scores (decided pairs)";
    for (const estimator of [UCT_ESTIMATOR, WIN_PROBABILITY_ESTIMATOR]) {
      const agreed = find(estimator, winnerOnly) as Agreement;
      figures.push({
        name: `${estimator} agrees with level ${REFEREE_LEVEL} ${reading}, % (${counts(agreed)})`,
        value: percent(agreed),
        unit: "%",
        baselineName: `GNU Go level ${WEAKER_LEVEL} with level ${REFEREE_LEVEL} (${counts(itself)})`,
        baseline: percent(itself),
        ...(winnerOnly && estimator === UCT_ESTIMATOR ? { target: { op: ">=" as const, value: 80 } } : {}),
      });
    }
  }
  return figures;
}

export const truthBench: BenchSection = { name: "truth", title: "Go truth estimators against GNU Go (9x9)", run };
