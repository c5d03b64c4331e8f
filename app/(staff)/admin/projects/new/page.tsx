import type { Metadata } from "next";
import Link from "next/link";
import { NewProjectForm } from "@/components/projects/new-project-form";
import { pageUserWithRole } from "@/lib/auth/page";
import { ADMINS } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "New project · Vibecheck" };

export default async function NewProjectPage() {
  await pageUserWithRole(ADMINS, "/admin/projects/new");
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-10">
      <header>
        <p className="text-sm">
          <Link href="/admin" className="underline underline-offset-4">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">New project</h1>
        <p className="text-sm text-stone-600">
          Every setting has a sensible default and can be changed later on the project's Settings page.
        </p>
      </header>
      <NewProjectForm />
    </main>
  );
}
