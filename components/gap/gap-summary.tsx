import { clearlyApart, type Estimate } from "@/lib/agreement/estimate";
import type { GapPanel } from "@/lib/stats";

const seconds = (e: Estimate) => (e.value === null ? null : `${e.value.toFixed(1)} s`);
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** The gap in three plain sentences: what it took to write, what it took to choose, and which won. */
export function GapSummary({ gap }: { gap: GapPanel }) {
  const write = seconds(gap.writeSeconds);
  const choose = seconds(gap.chooseSeconds);
  const ratio =
    gap.writeSeconds.value !== null && gap.chooseSeconds.value
      ? `, about ${Math.round(gap.writeSeconds.value / gap.chooseSeconds.value)} times as long as a comparison`
      : "";
  return (
    <section
      aria-label="The gap in words"
      className="space-y-2 rounded border border-stone-200 bg-white p-4"
      data-testid="gap-words"
    >
      <p>
        <strong>To write:</strong>{" "}
        {write
          ? `a labeler took ${write} (median) to write a demonstration${ratio}.`
          : "no demonstration has been written yet, so there is no time to write to report."}
      </p>
      <p>
        <strong>To choose:</strong>{" "}
        {choose
          ? `a labeler took ${choose} (median) to compare two answers on the same prompts${agreementWords(gap.agreement)}.`
          : "no comparison has been made on these prompts yet."}
      </p>
      <p>
        <strong>Which won:</strong> {winnerWords(gap)}
      </p>
    </section>
  );
}

function agreementWords(agreement: Estimate): string {
  return agreement.value === null ? "" : `, and two labelers gave the same answer ${pct(agreement.value)} of the time`;
}

function winnerWords(gap: GapPanel): string {
  const human = gap.humanWins;
  if (human.value === null) return "no judgment has compared a human-written answer with a model candidate yet.";
  const half: Estimate = { ...human, value: 0.5, ciLow: 0.5, ciHigh: 0.5 };
  const blind = `in blind comparisons the human-written answer won ${pct(human.value)} of ${human.n} decisive judgments against model candidates`;
  const verdict = !clearlyApart(human, half)
    ? "— within the noise of a coin flip"
    : human.value > 0.5
      ? "— people still write better than the models here"
      : "— the models' answers are preferred to what people write";
  const picked = gap.comparisonsPickWins.value;
  const rm = gap.rewardModelPickWins.value;
  const bestOf = [
    picked === null
      ? null
      : `the model candidate the comparisons rank best of its prompt won ${pct(picked)} of ${gap.comparisonsPickWins.n} judgments against it`,
    rm === null ? null : `the one the reward model ranks best won ${pct(rm)} of ${gap.rewardModelPickWins.n}`,
  ].filter(Boolean);
  return `${blind} ${verdict}.${bestOf.length ? ` Choosing among the model candidates first: ${bestOf.join(", and ")}.` : ""}`;
}
