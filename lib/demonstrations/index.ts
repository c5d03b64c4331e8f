export { type DemonstrationInput, demonstrationInputSchema } from "./schema";
export { type StoredDemonstration, submitDemonstration } from "./submit";
