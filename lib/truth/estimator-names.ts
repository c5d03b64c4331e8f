import { z } from "zod";
import { TRUTH_ESTIMATORS, type TruthEstimatorName } from "../go/estimator-names";

export { DEFAULT_TRUTH_ESTIMATOR, TRUTH_ESTIMATORS, type TruthEstimatorName } from "../go/estimator-names";

/** The project setting's values, for forms, route handlers and the CLI. */
export const truthEstimatorSchema = z.enum(TRUTH_ESTIMATORS, {
  error: `choose one of ${TRUTH_ESTIMATORS.join(", ")}`,
});

/** What the settings show for each choice. */
export const TRUTH_ESTIMATOR_LABELS: Record<TruthEstimatorName, string> = {
  "random-playouts/v1": "Random playouts",
  "uct/v2": "Tree search (UCT)",
  "gnugo/v1": "GNU Go self-play",
};
