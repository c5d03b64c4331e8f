import Link from "next/link";
import { JudgmentFilterForm } from "@/components/data/judgment-filter-form";
import { JudgmentList } from "@/components/data/judgment-list";
import { Pager } from "@/components/data/pager";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import {
  judgmentFilterQuery,
  judgmentsPage,
  memberOptions,
  readJudgmentFilters,
  type SearchParams,
} from "@/lib/browse";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";

export const dynamic = "force-dynamic";

/** The project's judgments, newest first, narrowed by the filters in the address. */
export default async function DataJudgments({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const base = `/projects/${slug}/data`;
  await pageUserWithRole(STAFF, base);
  const project = await orNotFound(projectBySlug(slug));
  const { filters, problems } = readJudgmentFilters(await searchParams);
  const [page, members] = await Promise.all([judgmentsPage(project, filters), memberOptions(project.id)]);
  const filtered = judgmentFilterQuery(filters) !== "";
  return (
    <>
      <JudgmentFilterForm action={base} filters={filters} members={members} />
      {problems.length > 0 && (
        <div role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Some filters in the address were left out:</p>
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {page.judgments.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          {!page.labelerKnown ? (
            <>
              No labeler “{filters.labeler}” in this project — check the email or worker id, or{" "}
              <Link className="underline underline-offset-4" href={base}>
                clear the filters
              </Link>
              .
            </>
          ) : filtered ? (
            <>
              No judgments match these filters —{" "}
              <Link className="underline underline-offset-4" href={base}>
                clear them
              </Link>
              .
            </>
          ) : filters.after ? (
            <>
              No more judgments.{" "}
              <Link className="underline underline-offset-4" href={base}>
                Back to the newest
              </Link>
              .
            </>
          ) : (
            <>No judgments yet — they appear here as labelers judge pairs. Labelers join through the invite link.</>
          )}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-stone-600">
            {page.judgments.length === 1 ? "1 judgment" : `${page.judgments.length} judgments`}, newest first
            {filters.after ? ", continued" : ""}. Choices are named by the pair's candidates (A, B), whichever side they
            were shown on.
          </p>
          <JudgmentList slug={slug} judgments={page.judgments} />
        </>
      )}
      <Pager
        first={filters.after ? `${base}?${judgmentFilterQuery(filters)}` : null}
        firstLabel="Newest"
        next={page.next && `${base}?${judgmentFilterQuery(filters, page.next)}`}
        nextLabel="Older judgments"
      />
    </>
  );
}
