import Link from "next/link";
import type { JudgmentRow } from "@/lib/browse";
import { ChoiceText, shorten } from "./choice-text";
import { choiceWords, pairHref } from "./format";
import { JudgmentByline, Rationale } from "./judgment-parts";

/** Judgments as cards: who, when, what was chosen in candidate terms, how it was shown, and why. */
export function JudgmentList({ slug, judgments }: { slug: string; judgments: JudgmentRow[] }) {
  return (
    <ol aria-label="Judgments" className="space-y-3">
      {judgments.map((j) => (
        <li key={j.id} data-testid="judgment" className="rounded border border-stone-200 bg-white p-4 text-sm">
          <JudgmentByline slug={slug} judgment={j} className="mb-2" />
          <p className="mb-1">
            <Link className="underline underline-offset-4" href={pairHref(slug, j.promptId, j.pairId)}>
              Prompt {j.promptExternalId}
            </Link>{" "}
            <span className="text-stone-600">“{shorten(j.promptExcerpt, 100)}”</span>
          </p>
          <p className="mb-1 text-stone-700">
            A · {j.a.externalId} <span className="text-stone-600">({j.a.source})</span> vs. B · {j.b.externalId}{" "}
            <span className="text-stone-600">({j.b.source})</span>
          </p>
          <p>
            <ChoiceText choice={j.choice} a={j.a} b={j.b} />
            {j.isGold && j.goldAnswer && (
              <span className={j.choice === j.goldAnswer ? "text-emerald-800" : "text-red-800"}>
                {" "}
                · gold pair, expected {choiceWords[j.goldAnswer]}: {j.choice === j.goldAnswer ? "right" : "wrong"}
              </span>
            )}
          </p>
          <Rationale text={j.rationale} className="mt-2" />
        </li>
      ))}
    </ol>
  );
}
