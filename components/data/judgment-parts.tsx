import Link from "next/link";
import type { PairJudgment } from "@/lib/browse";
import { formatDuration, formatWhen, labelerHref } from "./format";

/** Who judged and when, and how the pair was shown: the top line of every judgment the browser lists. */
export function JudgmentByline({
  slug,
  judgment: j,
  className,
}: {
  slug: string;
  judgment: PairJudgment;
  className?: string;
}) {
  return (
    <div className={`flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 ${className ?? ""}`}>
      <span>
        <Link className="font-medium underline underline-offset-4" href={labelerHref(slug, j.labeler)}>
          {j.labeler}
        </Link>{" "}
        <span className="text-stone-600">· {formatWhen(j.createdAt)}</span>
      </span>
      <span className="text-stone-600 tabular-nums">
        shown left: {j.shownLeft} · {formatDuration(j.durationMs)} to decide
        {j.strength !== null && <> · strength {j.strength}</>}
      </span>
    </div>
  );
}

/** The labeler's written reason, as they wrote it (line breaks kept); nothing when there is none. */
export function Rationale({ text, className }: { text: string | null; className?: string }) {
  if (!text) return null;
  return (
    <blockquote className={`border-l-4 border-stone-300 pl-3 whitespace-pre-wrap text-stone-800 ${className ?? ""}`}>
      {text}
    </blockquote>
  );
}
