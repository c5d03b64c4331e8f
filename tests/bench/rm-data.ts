import { createSyntheticWorld, syntheticJudgments } from "../../lib/rm/synthetic/comparisons";

/**
 * The 100,000 synthetic judgments (12,500 prompts x 8) that both reward-model benches train on,
 * defined once so the in-memory and the from-PostgreSQL figures describe the same data.
 */
export function benchJudgments() {
  return syntheticJudgments(createSyntheticWorld(1, { temperature: 2 }), {
    seed: 2,
    prompts: 12_500,
    candidatesPerPrompt: 4,
    judgmentsPerPrompt: 8,
    minWords: 10,
    maxWords: 30,
  });
}
