import { GoBoardSvg } from "@/components/go/board";
import { MarkdownText } from "@/components/markdown/markdown";
import type { CandidateDetail } from "@/lib/browse";

/** One candidate as stored: its id from the import, source, reward-model score, and content (a board for Go). */
export function CandidateCard({
  candidate,
  modelVersion,
}: {
  candidate: CandidateDetail;
  modelVersion: number | null;
}) {
  const c = candidate;
  return (
    <article
      id={`candidate-${c.id}`}
      data-testid="candidate"
      aria-label={`Candidate ${c.externalId}`}
      className="flex min-w-0 flex-col rounded border border-stone-200 bg-white"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-stone-100 px-3 py-2 text-sm">
        <h4 className="font-semibold">{c.externalId}</h4>
        <span className="text-stone-600">source: {c.source}</span>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 px-3 py-2 text-sm tabular-nums">
        <dt className="text-stone-600">Score</dt>
        <dd>
          {c.score !== null
            ? `${c.score.toFixed(3)} (model v${modelVersion})`
            : modelVersion === null
              ? "no reward model yet"
              : `not scored by v${modelVersion} yet`}
        </dd>
        {c.truth && (
          <>
            <dt className="text-stone-600">P(Black wins)</dt>
            <dd>
              {c.truth.pBlackWins.toFixed(3)} ± {c.truth.standardError.toFixed(3)}
            </dd>
          </>
        )}
      </dl>
      {c.board ? (
        <div className="p-3">
          <GoBoardSvg state={c.board} className="mx-auto block h-auto w-full max-w-xs" />
        </div>
      ) : (
        <div className="max-h-72 overflow-auto border-t border-stone-100 px-3 py-2 text-sm text-stone-800">
          <MarkdownText text={c.text} />
        </div>
      )}
    </article>
  );
}
