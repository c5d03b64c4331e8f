/**
 * The Go truth estimators by the names stored with their estimates (lib/go/estimators.ts computes
 * them). Names only, with no engine behind them, so forms and settings can list them.
 */
export const TRUTH_ESTIMATORS = ["random-playouts/v1", "uct/v2", "gnugo/v1"] as const;
export type TruthEstimatorName = (typeof TRUTH_ESTIMATORS)[number];

// Tree search is the default for new Go projects (the database column's default says the same): on
// 591 generated 9x9 positions, of the pairs it decides whose GNU Go games have different winners,
// it names the winner on 86%, random playouts on 77%; it reads captures they miss (README, Go).
export const DEFAULT_TRUTH_ESTIMATOR: TruthEstimatorName = "uct/v2";
