import type { VoteSource } from "./rows/source";

/** Reads a row array by the names of the query's columns, so the SELECT list can change order freely. */
export function voteReader(names: string[]): (r: unknown[]) => VoteSource {
  const at = (name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`The export query has no column ${name}.`);
    return i;
  };
  const candidate = (side: "a" | "b") => {
    const [id, text, source, board, truth] = [
      at(`${side}_id`),
      at(`${side}_text`),
      at(`${side}_source`),
      at(`${side}_board`),
      at(`${side}_truth`),
    ];
    return (r: unknown[]): VoteSource["a"] => ({
      id: r[id] as string,
      text: r[text] as string,
      source: r[source] as string,
      board: r[board],
      pBlackWins: r[truth] as number | null,
    });
  };
  const a = candidate("a");
  const b = candidate("b");
  const [id, pair, user, choice, leftIsA, strength] = [
    at("id"),
    at("pair_id"),
    at("user_id"),
    at("choice"),
    at("left_is_a"),
    at("strength"),
  ];
  const [rationale, duration, created, isGold, goldAnswer] = [
    at("rationale"),
    at("duration_ms"),
    at("created_at"),
    at("is_gold"),
    at("gold_answer"),
  ];
  const [promptId, prompt] = [at("prompt_id"), at("prompt")];
  return (r) => ({
    judgmentId: r[id] as string,
    pairId: r[pair] as string,
    userId: r[user] as string,
    choice: r[choice] as VoteSource["choice"],
    leftIsA: r[leftIsA] as boolean,
    strength: r[strength] as number | null,
    rationale: r[rationale] as string | null,
    durationMs: r[duration] as number,
    createdAt: r[created] as Date,
    isGold: r[isGold] as boolean,
    goldAnswer: r[goldAnswer] as VoteSource["goldAnswer"],
    promptId: r[promptId] as string,
    prompt: r[prompt] as string,
    a: a(r),
    b: b(r),
  });
}
