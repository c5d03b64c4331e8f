import Link from "next/link";
import { shorten } from "@/components/data/choice-text";
import { Pager } from "@/components/data/pager";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { decodeCursor, promptsPage, type SearchParams } from "@/lib/browse";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";

export const dynamic = "force-dynamic";

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/** The project's prompts in import order, searchable by their text or id. */
export default async function DataPrompts({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const base = `/projects/${slug}/data/prompts`;
  const user = await pageUserWithRole(STAFF, base);
  const project = await orNotFound(projectBySlug(slug));
  const query = await searchParams;
  const search = one(query.q);
  const after = one(query.after) ? decodeCursor(one(query.after)) : null;
  const page = await promptsPage(project, { search, after: after ?? undefined });
  const withSearch = (extra: Record<string, string> = {}) =>
    `${base}?${new URLSearchParams({ ...(search ? { q: search } : {}), ...extra })}`;
  return (
    <>
      <search>
        <form method="get" action={base} className="mb-6 flex flex-wrap items-end gap-3">
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
            <span>Search prompts by text or id</span>
            <input
              type="search"
              name="q"
              defaultValue={search}
              placeholder="words from the prompt, or its id from the import file"
              className="rounded border border-stone-300 bg-white px-2 py-1.5 text-sm"
            />
          </label>
          <button type="submit" className="rounded bg-stone-900 px-4 py-1.5 text-sm font-medium text-white">
            Search
          </button>
          {search && (
            <Link href={base} className="text-sm underline underline-offset-4">
              Clear search
            </Link>
          )}
        </form>
      </search>
      {one(query.after) && !after && (
        <p role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          The page position in the address is damaged; showing the first page.
        </p>
      )}
      {page.prompts.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          {search ? (
            <>
              No prompt matches “{search}” —{" "}
              <Link className="underline underline-offset-4" href={base}>
                clear the search
              </Link>
              .
            </>
          ) : after ? (
            "No more prompts."
          ) : user.role === "ADMIN" ? (
            "No prompts yet — import a JSONL file on the Admin page."
          ) : (
            "No prompts yet — ask an admin to import a JSONL file."
          )}
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="text-stone-600">
              <tr>
                <th className="px-3 py-2 font-medium">Prompt</th>
                <th className="px-3 py-2 text-right font-medium">Candidates</th>
                <th className="px-3 py-2 text-right font-medium">Pairs</th>
                <th className="px-3 py-2 text-right font-medium">Judgments</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {page.prompts.map((p) => (
                <tr key={p.id} className="border-t border-stone-200 align-top">
                  <td className="px-3 py-2">
                    <Link className="font-medium underline underline-offset-4" href={`${base}/${p.id}`}>
                      {p.externalId}
                    </Link>
                    <p className="text-stone-700">{shorten(p.excerpt, 140)}</p>
                  </td>
                  <td className="px-3 py-2 text-right">{p.candidates}</td>
                  <td className="px-3 py-2 text-right">{p.pairs}</td>
                  <td className="px-3 py-2 text-right">{p.judgments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        first={after ? withSearch() : null}
        firstLabel="First prompts"
        next={page.next && withSearch({ after: page.next })}
        nextLabel="More prompts"
      />
    </>
  );
}
