export { type SkipInput, skipInputSchema } from "./schema";
export { type SkipAnswer, skipLease, skipPair } from "./skip";
