import { z } from "zod";
import { TRUTH_ESTIMATORS } from "../go/estimators";

export { TRUTH_ESTIMATORS, type TruthEstimatorName } from "../go/estimators";

/** The project setting's values, for forms, route handlers and the CLI. */
export const truthEstimatorSchema = z.enum(TRUTH_ESTIMATORS, {
  error: `choose one of ${TRUTH_ESTIMATORS.join(", ")}`,
});
