import { headers } from "next/headers";
import { SectionHeader } from "@/components/shell/section-header";
import { ExcludeToggle } from "@/components/staff/exclude-toggle";
import { Forbidden } from "@/components/staff/forbidden";
import { pageUserWithRole } from "@/lib/auth/page";
import { LEADS, STAFF } from "@/lib/auth/roles";
import { publicOrigin } from "@/lib/http/origin";
import { orNotFound } from "@/lib/http/page";
import { currentInviteCode, listMembers, type MemberStatus, projectBySlug } from "@/lib/projects";
import { type LabelerStats, projectOverview } from "@/lib/stats";
import { sectionAt } from "@/lib/workspace/sections";
import { AddMemberForm } from "./add-member-form";
import { InviteLink } from "./invite-link";
import { RemoveMember } from "./remove-member";
import { timeAgo } from "./time-ago";

export const dynamic = "force-dynamic";

const percent = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(0)}%`);

const ROLE_NAMES = { LABELER: "labeler", LEAD: "data lead", ML: "ML engineer", ADMIN: "admin" } as const;

const STATUS_STYLE: Record<MemberStatus, string> = {
  active: "bg-green-100 text-green-900",
  excluded: "bg-amber-100 text-amber-900",
  deactivated: "bg-red-100 text-red-900",
  "not a member": "bg-stone-100 text-stone-800",
};

export default async function ProjectLabelers({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await pageUserWithRole(STAFF, `/projects/${slug}/labelers`);
  if (!user) return <Forbidden />;
  const project = await orNotFound(projectBySlug(slug));
  const [members, { labelers }, requestHeaders, code] = await Promise.all([
    listMembers(project.id),
    projectOverview(project),
    headers(),
    currentInviteCode(project.id),
  ]);
  const quality = new Map<string, LabelerStats>(labelers.map((l) => [l.userId, l]));
  const manages = LEADS.includes(user.role);
  const now = new Date();
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

      {members.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm">
          No members yet.{" "}
          {manages
            ? "Send the invite link above, or add an existing user by email."
            : "A lead or admin adds them here or sends the invite link."}
        </p>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-stone-600">
            Gold accuracy is the share of known-answer pairs answered right; a left rate near 50% means no position
            bias; very short median times suggest answers without reading. Removing a member keeps their judgments.
          </p>
          <div className="overflow-x-auto rounded border border-stone-200 bg-white">
            <table className="w-full text-left text-sm tabular-nums" data-testid="members">
              <thead className="text-stone-600">
                <tr className="[&>th]:px-3 [&>th]:py-2 [&>th]:font-medium">
                  <th>Member</th>
                  <th>Role</th>
                  <th>Status</th>
                  <th>Judgments</th>
                  <th>Last active</th>
                  <th>Gold accuracy</th>
                  <th>Left rate</th>
                  <th>Median time</th>
                  {manages && <th>Training data</th>}
                  {manages && <th>Membership</th>}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const q = quality.get(m.userId);
                  return (
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
                      <td className="whitespace-nowrap">
                        {percent(q?.goldAccuracy ?? null)}{" "}
                        <span className="text-stone-600">({q?.goldJudged ?? 0})</span>
                      </td>
                      <td>{percent(q?.leftRate ?? null)}</td>
                      <td className="whitespace-nowrap">
                        {q?.medianMs == null ? "–" : `${(q.medianMs / 1000).toFixed(1)} s`}
                      </td>
                      {manages && (
                        <td>
                          {m.judgments > 0 || m.excluded ? (
                            <ExcludeToggle slug={slug} userId={m.userId} excluded={m.excluded} />
                          ) : (
                            "–"
                          )}
                        </td>
                      )}
                      {manages && (
                        <td>{m.member ? <RemoveMember slug={slug} userId={m.userId} label={m.label} /> : "–"}</td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
