import { headers } from "next/headers";
import { SectionHeader } from "@/components/shell/section-header";
import { DataTable } from "@/components/ui/data-table";
import type { TableCell } from "@/components/ui/table-data";
import { pageUserWithRole } from "@/lib/auth/page";
import { LEADS, STAFF } from "@/lib/auth/roles";
import { publicOrigin } from "@/lib/http/origin";
import { orNotFound } from "@/lib/http/page";
import { labelerHistory, labelerQuality, readDateRange } from "@/lib/labelers";
import { currentInviteCode, listMembers, type MemberStatus, projectBySlug } from "@/lib/projects";
import { timeBucketLabels } from "@/lib/quality";
import { sectionAt } from "@/lib/workspace/sections";
import { AddMemberForm } from "./add-member-form";
import { InviteLink } from "./invite-link";
import { LabelerActions } from "./labeler-actions";
import { qualityColumns, qualityRow } from "./quality-table";
import { RemoveMember } from "./remove-member";
import { timeAgo } from "./time-ago";
import { TimeHistogram } from "./time-histogram";

export const dynamic = "force-dynamic";

const ROLE_NAMES = { LABELER: "labeler", LEAD: "data lead", ML: "ML engineer", ADMIN: "admin" } as const;

const STATUS_STYLE: Record<MemberStatus, string> = {
  active: "bg-green-100 text-green-900",
  paused: "bg-sky-100 text-sky-900",
  excluded: "bg-amber-100 text-amber-900",
  deactivated: "bg-red-100 text-red-900",
  "not a member": "bg-stone-100 text-stone-800",
};

const ACTION_WORDS = { PAUSE: "paused", UNPAUSE: "resumed", EXCLUDE: "excluded", INCLUDE: "included again" } as const;

type SearchParams = { from?: string | string[]; to?: string | string[] };

export default async function ProjectLabelers({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const user = await pageUserWithRole(STAFF, `/projects/${slug}/labelers`);
  const project = await orNotFound(projectBySlug(slug));
  const filter = readDateRange(await searchParams);
  const [members, quality, history, requestHeaders, code] = await Promise.all([
    listMembers(project.id),
    labelerQuality(project, filter.range),
    labelerHistory(project.id),
    headers(),
    currentInviteCode(project.id),
  ]);
  const manages = LEADS.includes(user.role);
  const now = new Date();
  const flagged = quality.filter((q) => q.flags.length > 0);
  const historyRows: Record<string, TableCell>[] = history.map((h) => ({
    when: { text: h.createdAt.toISOString().slice(0, 16).replace("T", " "), sort: h.createdAt.toISOString() },
    labeler: h.labeler,
    action: ACTION_WORDS[h.action],
    by: h.actor,
    reason: h.reason || "no reason given",
  }));

  return (
    <section className="space-y-6">
      <SectionHeader section={sectionAt("labelers")}>
        {manages && (
          <a
            className="text-sm underline underline-offset-4"
            href={`/api/projects/${encodeURIComponent(slug)}/completion-codes`}
            download
          >
            Completion codes (CSV)
          </a>
        )}
      </SectionHeader>

      {manages && (
        <div className="grid gap-4 lg:grid-cols-2">
          <InviteLink slug={slug} origin={publicOrigin(requestHeaders)} code={code} canRotate={user.role === "ADMIN"} />
          <AddMemberForm slug={slug} />
        </div>
      )}

      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col gap-1">
          <span className="font-medium">Judgments from</span>
          <input
            type="date"
            name="from"
            defaultValue={filter.from}
            className="rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">to (included)</span>
          <input type="date" name="to" defaultValue={filter.to} className="rounded border border-stone-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 font-medium text-white">
          Show
        </button>
        {(filter.from || filter.to) && (
          <a href={`/projects/${encodeURIComponent(slug)}/labelers`} className="underline">
            All dates
          </a>
        )}
        {filter.problems.map((p) => (
          <p key={p} role="alert" className="w-full text-red-700">
            {p}
          </p>
        ))}
      </form>

      {quality.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          No members yet.{" "}
          {manages
            ? "Send the invite link above, or add an existing user by email."
            : "A lead or admin adds them here or sends the invite link."}
        </p>
      ) : (
        <>
          <div className="space-y-2" data-testid="flags">
            <h2 className="text-base font-semibold">Flags</h2>
            {flagged.length === 0 ? (
              <p className="text-sm text-stone-600">
                No labeler meets a flag rule. The rules are in Settings, under Labeler quality.
              </p>
            ) : (
              <ul className="space-y-1 rounded border border-amber-200 bg-amber-50 p-3 text-sm">
                {flagged.map((q) => (
                  <li key={q.userId} data-flagged={q.label}>
                    <span className="font-medium [overflow-wrap:anywhere]">{q.label}</span>:{" "}
                    {q.flags.map((f) => f.reason).join("; ")}.
                  </li>
                ))}
              </ul>
            )}
          </div>

          <DataTable
            caption="Labeler quality"
            columns={qualityColumns}
            rows={quality.map(qualityRow)}
            csvName={`${slug}-labelers`}
            initialSort={{ key: "judgments", descending: true }}
          />
          <p className="text-sm text-stone-600">
            Intervals are 95%. Left rate: share of A/B picks that took the left response, with the exact binomial test
            against 50% (a small p means a position bias). Fast: decisions under {project.fastMs / 1000} s. Majority:
            agreement with the other labelers&apos; majority on the same pairs. Model: agreement with the serving reward
            model where it is confident (P ≥ 0.8 or ≤ 0.2). Excluded labelers are left out of every statistic.
          </p>

          <TimeHistogram
            buckets={timeBucketLabels()}
            labelers={quality.map((q) => ({ userId: q.userId, label: q.label, histogram: q.histogram }))}
          />

          <div className="space-y-2">
            <h2 className="text-base font-semibold">Members</h2>
            {/* Focusable so keyboard users can scroll it on a phone, where it may hold no control. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (axe scrollable-region-focusable). */}
            <div tabIndex={0} className="overflow-x-auto rounded border border-stone-200 bg-white">
              <table className="w-full text-left text-sm tabular-nums" data-testid="members">
                <caption className="sr-only">Members</caption>
                <thead className="text-stone-600">
                  <tr className="[&>th]:px-3 [&>th]:py-2 [&>th]:font-medium">
                    <th scope="col">Member</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Judgments</th>
                    <th scope="col">Last active</th>
                    {manages && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {members.map((m) => (
                    <tr
                      key={m.userId}
                      data-member={m.label}
                      className="border-t border-stone-200 [&>td]:px-3 [&>td]:py-2"
                    >
                      <td className="min-w-40 [overflow-wrap:anywhere]">{m.label}</td>
                      <td className="whitespace-nowrap">{ROLE_NAMES[m.role]}</td>
                      <td>
                        <span
                          data-testid="member-status"
                          className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[m.status]}`}
                        >
                          {m.status}
                        </span>
                      </td>
                      <td>{m.judgments}</td>
                      <td className="whitespace-nowrap">
                        {m.lastActiveAt ? (
                          <time dateTime={m.lastActiveAt.toISOString()} title={m.lastActiveAt.toISOString()}>
                            {timeAgo(m.lastActiveAt, now)}
                          </time>
                        ) : (
                          "never"
                        )}
                      </td>
                      {manages && (
                        <td>
                          <span className="inline-flex flex-wrap gap-x-3 gap-y-1">
                            <LabelerActions
                              slug={slug}
                              userId={m.userId}
                              label={m.label}
                              paused={m.paused}
                              excluded={m.excluded}
                            />
                            {m.member && <RemoveMember slug={slug} userId={m.userId} label={m.label} />}
                          </span>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="text-sm text-stone-600">
              Pause: no more pairs for them from their next request; their judgments still count. Exclude: their
              judgments are left out of statistics, training and exports, and the pairs they judged reopen. Both can be
              undone and are recorded below. Removing a member keeps their judgments.
            </p>
          </div>
        </>
      )}

      <div data-testid="history">
        <DataTable
          caption="History of pauses and exclusions"
          columns={[
            { key: "when", label: "When (UTC)" },
            { key: "labeler", label: "Labeler" },
            { key: "action", label: "Action" },
            { key: "by", label: "By" },
            { key: "reason", label: "Why" },
          ]}
          rows={historyRows}
          csvName={`${slug}-labeler-history`}
          empty="Nobody has been paused or excluded yet."
        />
      </div>
    </section>
  );
}
