import Link from "next/link";
import { Forbidden } from "@/components/staff/forbidden";
import { ImportForm } from "@/components/staff/import-form";
import { pageUserWithRole } from "@/lib/auth/page";
import { ADMINS } from "@/lib/auth/roles";
import { listProjectsForAdmin } from "@/lib/projects";
import { listUsers } from "@/lib/users";
import { NewUserForm } from "./forms";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  if (!(await pageUserWithRole(ADMINS, "/admin"))) return <Forbidden />;
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
        <table className="w-full text-left text-sm">
          <thead className="text-stone-500">
            <tr>
              <th className="py-1">Email or worker</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-stone-200">
                <td className="py-1">{u.email ?? u.name}</td>
                <td>{u.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <NewUserForm />
      </section>
    </main>
  );
}
