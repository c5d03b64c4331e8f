import Link from "next/link";
import { ImportForm } from "@/components/staff/import-form";
import { pageUserWithRole } from "@/lib/auth/page";
import { ADMINS } from "@/lib/auth/roles";
import { listProjectsForAdmin } from "@/lib/projects";
import { listUsers } from "@/lib/users";
import { NewUserForm } from "./forms";
import { UserActions } from "./user-actions";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const admin = await pageUserWithRole(ADMINS, "/admin");
  const [projects, users] = await Promise.all([listProjectsForAdmin(), listUsers()]);
  return (
    <main className="mx-auto max-w-4xl space-y-10 px-4 py-10">
      <header>
        <h1 className="text-2xl font-semibold">Admin</h1>
        <p className="text-sm text-stone-600">Projects, imports, invite links and users.</p>
      </header>

      <section className="space-y-4">
        <div className="flex items-center justify-between gap-3">
          <h2 className="text-lg font-medium">Projects</h2>
          <Link className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white" href="/admin/projects/new">
            New project
          </Link>
        </div>
        {projects.length === 0 && (
          <p className="rounded border border-stone-200 bg-white p-4 text-sm">
            No projects yet. Create one with New project, then import prompts into it.
          </p>
        )}
        {projects.map((p) => (
          <div key={p.id} className="space-y-2 rounded border border-stone-200 bg-white p-4">
            <p>
              <Link className="font-medium underline" href={`/projects/${p.slug}`}>
                {p.name}
              </Link>{" "}
              <span className="text-sm text-stone-500">
                {p.kind} · {p._count.prompts} prompts · k = {p.k}
                {p.archivedAt && " · archived"}
              </span>
            </p>
            <p className="text-sm text-stone-600">
              Invite link: <code className="rounded bg-stone-100 px-1">/join/{p.inviteCode}</code> (crowd platforms
              append <code className="rounded bg-stone-100 px-1">?workerId=…</code>)
            </p>
            <ImportForm slug={p.slug} />
          </div>
        ))}
      </section>

      <section className="space-y-4">
        <h2 className="text-lg font-medium">Users</h2>
        <p className="text-sm text-stone-600">
          A role change applies to sessions already signed in. A deactivated user cannot sign in or call the API; their
          judgments and memberships stay.
        </p>
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="users">
            <thead className="text-stone-600">
              <tr className="[&>th]:px-3 [&>th]:py-2 [&>th]:font-medium">
                <th>Email or worker</th>
                <th>Status</th>
                <th>Role and actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const label = u.email ?? u.name ?? u.id;
                return (
                  <tr
                    key={u.id}
                    data-user={label}
                    className="border-t border-stone-200 align-top [&>td]:px-3 [&>td]:py-2"
                  >
                    <td className="min-w-40 [overflow-wrap:anywhere]">{label}</td>
                    <td data-testid="user-status">{u.deactivatedAt ? "deactivated" : "active"}</td>
                    <td>
                      <UserActions
                        userId={u.id}
                        label={label}
                        role={u.role}
                        active={!u.deactivatedAt}
                        hasEmail={u.email !== null}
                        isSelf={u.id === admin.id}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <NewUserForm />
      </section>
    </main>
  );
}
