import Link from "next/link";
import { redirect } from "next/navigation";
import { pageUser } from "@/lib/auth/guard";
import { listProjects } from "@/lib/projects";
import { SignOut } from "./sign-out";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await pageUser();
  if (!user) redirect("/login");
  const projects = await listProjects(user);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <header className="mb-8 flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Vibecheck</h1>
        <p className="text-sm text-stone-600">
          {user.email ?? "crowd labeler"} · {user.role.toLowerCase()} · <SignOut />
        </p>
      </header>
      {user.role === "ADMIN" && (
        <p className="mb-6 text-sm">
          <Link className="underline" href="/admin">
            Admin: projects, imports and users →
          </Link>
        </p>
      )}
      <h2 className="mb-3 text-lg font-medium">Projects</h2>
      {projects.length === 0 && <p className="text-stone-600">No projects yet. Ask for an invite link.</p>}
      <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
        {projects.map((p) => (
          <li key={p.id} className="flex items-center justify-between px-4 py-3">
            <span>
              <span className="font-medium">{p.name}</span> <span className="text-sm text-stone-500">{p.kind}</span>
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
  );
}
