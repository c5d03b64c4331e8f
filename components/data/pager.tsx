import Link from "next/link";

/** Keyset paging: back to the first page, or on to the next; there is no page number to jump to. */
export function Pager({
  first,
  next,
  firstLabel,
  nextLabel,
}: {
  first: string | null;
  next: string | null;
  firstLabel: string;
  nextLabel: string;
}) {
  if (!first && !next) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex justify-between text-sm">
      {first ? (
        <Link className="underline underline-offset-4" href={first}>
          ← {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link className="underline underline-offset-4" href={next} rel="next">
          {nextLabel} →
        </Link>
      )}
    </nav>
  );
}
