import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/shell/app-header";
import { pageUser } from "@/lib/auth/guard";
import { listProjects } from "@/lib/projects";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await pageUser();
  if (!user) redirect("/login");
  const projects = await listProjects(user);
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="mb-3 text-xl font-semibold">Your projects</h1>
        {projects.length === 0 && <p className="text-stone-600">No projects yet. Ask for an invite link.</p>}
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {projects.map((p) => (
            <li key={p.id} className="flex items-center justify-between px-4 py-3">
              <span>
                <span className="font-medium">{p.name}</span> <span className="text-sm text-stone-500">{p.kind}</span>
                {p.archivedAt && <span className="text-sm text-stone-600"> · archived</span>}
              </span>
              <span className="space-x-4 text-sm">
                <Link className="rounded bg-stone-900 px-3 py-1 text-white" href={`/label/${p.slug}`}>
                  Label
                </Link>
                {user.role !== "LABELER" && (
                  <Link className="underline" href={`/projects/${p.slug}`}>
                    Dashboard
                  </Link>
                )}
              </span>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
