import Link from "next/link";
import type { CandidateDetail, PairDetail } from "@/lib/browse";
import { ChoiceText } from "./choice-text";
import { choiceWords } from "./format";
import { JudgmentByline, Rationale } from "./judgment-parts";

/** A pair of the prompt: its candidates in pair terms, its counts, and every judgment with its rationale. */
export function PairSection({
  slug,
  pair,
  candidates,
}: {
  slug: string;
  pair: PairDetail;
  candidates: Map<string, CandidateDetail>;
}) {
  const a = candidates.get(pair.aId);
  const b = candidates.get(pair.bId);
  const names = { a: { externalId: a?.externalId ?? "?" }, b: { externalId: b?.externalId ?? "?" } };
  return (
    <section
      id={`pair-${pair.id}`}
      aria-labelledby={`pair-${pair.id}-title`}
      className="scroll-mt-4 rounded border border-stone-200 bg-white p-4 target:ring-2 target:ring-indigo-300"
    >
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`pair-${pair.id}-title`} className="font-semibold">
          A · {names.a.externalId} vs. B · {names.b.externalId}
        </h4>
        <p className="text-sm text-stone-600 tabular-nums">
          {pair.judgmentCount} {pair.judgmentCount === 1 ? "judgment" : "judgments"} · {pair.openSlots} open
          {pair.skips > 0 && <> · {pair.skips} skipped</>}
          {pair.reports > 0 && (
            <>
              {" · "}
              <Link className="underline underline-offset-4" href={`/projects/${slug}/data/reports`}>
                {pair.reports} reported
              </Link>
            </>
          )}
        </p>
      </div>
      {(pair.isGold || pair.trueAnswer) && (
        <p className="mb-2 text-sm">
          {pair.isGold && pair.goldAnswer && <>Gold pair, expected answer: {choiceWords[pair.goldAnswer]}. </>}
          {pair.trueAnswer && <>True answer from playouts: {choiceWords[pair.trueAnswer]}.</>}
        </p>
      )}
      {pair.judgments.length === 0 ? (
        <p className="text-sm text-stone-700">Not judged yet.</p>
      ) : (
        <ul aria-label="Judgments of this pair" className="divide-y divide-stone-200 text-sm">
          {pair.judgments.map((j) => (
            <li key={j.id} data-testid="pair-judgment" className="py-2">
              <JudgmentByline slug={slug} judgment={j} />
              <p>
                <ChoiceText choice={j.choice} a={names.a} b={names.b} />
              </p>
              <Rationale text={j.rationale} className="mt-1" />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
