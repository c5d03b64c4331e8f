import Link from "next/link";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import type { ReportKind } from "@/lib/db";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";
import { listReports, type SkipCounts, skipCounts } from "@/lib/reports";
import { SkipTables } from "./skip-tables";

export const dynamic = "force-dynamic";

const KIND_STYLE: Record<ReportKind, string> = {
  BROKEN: "bg-amber-100 text-amber-900",
  OFFENSIVE: "bg-red-100 text-red-900",
  DUPLICATE: "bg-stone-200 text-stone-900",
  OTHER: "bg-indigo-100 text-indigo-900",
};

const KIND_LABEL: Record<ReportKind, string> = {
  BROKEN: "Broken",
  OFFENSIVE: "Offensive",
  DUPLICATE: "Duplicate",
  OTHER: "Other",
};

/** "2026-11-29 16:40 UTC": the same on every server and for every reader. */
const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function ReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { slug } = await params;
  const { before } = await searchParams;
  const path = `/projects/${slug}/data/reports`;
  await pageUserWithRole(STAFF, path);
  const project = await orNotFound(projectBySlug(slug));
  const [page, skips] = await Promise.all([listReports(project.id, before), skipCounts(project.id)]);

  return (
    <section>
      <p className="mb-4 text-sm text-stone-600">
        Pairs labelers reported as broken, offensive or duplicate, and which pairs and labelers skip most.
      </p>
      <h3 className="mb-2 text-base font-semibold">Reports</h3>
      {page.reports.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-700">
          {before
            ? "No older reports."
            : "No reports yet. Labelers report a pair with the Report button (key R) on the compare screen; it shows up here."}
        </p>
      ) : (
        <section
          // Scrolls sideways on a phone: focusable, so it scrolls by keyboard too.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
          tabIndex={0}
          aria-label="Reports (scrolls sideways)"
          className="overflow-x-auto rounded-lg border border-stone-200 bg-white"
        >
          <table data-testid="reports" className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-700">
              <tr>
                <th className="px-3 py-2 font-medium">When</th>
                <th className="px-3 py-2 font-medium">Kind</th>
                <th className="px-3 py-2 font-medium">Pair (prompt)</th>
                <th className="px-3 py-2 font-medium">Note</th>
                <th className="px-3 py-2 font-medium">Labeler</th>
              </tr>
            </thead>
            <tbody>
              {page.reports.map((r) => (
                <tr key={r.id} data-report-id={r.id} className="border-t border-stone-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums text-stone-700">{when(r.createdAt)}</td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${KIND_STYLE[r.kind]}`}>
                      {KIND_LABEL[r.kind]}
                    </span>
                  </td>
                  <td className="max-w-md min-w-48 px-3 py-2">
                    <span className="font-mono text-xs text-stone-700">{r.promptExternalId}</span>
                    <span className="block break-words text-stone-900">{r.prompt}</span>
                    <span className="font-mono text-xs text-stone-600">pair {r.pairId.slice(0, 8)}</span>
                  </td>
                  <td className="max-w-xs px-3 py-2 break-words whitespace-pre-line text-stone-900">
                    {r.note ?? <span className="text-stone-600">–</span>}
                  </td>
                  <td className="px-3 py-2 break-all text-stone-800">{r.labeler}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <nav aria-label="Report pages" className="mt-3 flex gap-4 text-sm">
        {before && (
          <Link className="underline underline-offset-4" href={path}>
            ← Newest reports
          </Link>
        )}
        {page.nextCursor && (
          <Link className="underline underline-offset-4" href={`${path}?before=${encodeURIComponent(page.nextCursor)}`}>
            Older reports →
          </Link>
        )}
      </nav>
      <Skips skips={skips} />
    </section>
  );
}

function Skips({ skips }: { skips: SkipCounts }) {
  return (
    <div className="mt-10">
      <h3 className="mb-1 text-base font-semibold">Skips</h3>
      <p className="mb-3 text-sm text-stone-700">
        {skips.total === 0
          ? "Nobody has skipped a pair yet. A pair many labelers skip may be unclear or hard to judge; a labeler who skips a lot may pick easy pairs."
          : `${skips.total.toLocaleString("en")} skips in all (reported pairs count as skipped). The most skipped pairs and the labelers who skip most:`}
      </p>
      {skips.total > 0 && <SkipTables skips={skips} />}
    </div>
  );
}
