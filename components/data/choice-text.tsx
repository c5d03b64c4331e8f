import type { Choice } from "@/lib/db";

type CandidateName = { externalId: string; excerpt?: string };

/**
 * A judgment's choice in candidate terms: which of the pair's candidates was chosen (stored as A or
 * B of the pair, whatever side it was shown on), or tie / both bad.
 */
export function ChoiceText({ choice, a, b }: { choice: Choice; a: CandidateName; b: CandidateName }) {
  if (choice === "TIE") return <span className="font-medium">Tie</span>;
  if (choice === "BOTH_BAD") return <span className="font-medium">Both bad</span>;
  const chosen = choice === "A" ? a : b;
  return (
    <span>
      <span className="font-medium">
        Chose {choice} · {chosen.externalId}
      </span>
      {chosen.excerpt && <span className="text-stone-600"> “{shorten(chosen.excerpt, 60)}”</span>}
    </span>
  );
}

export function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
