import Link from "next/link";
import type { SessionUser } from "@/lib/auth/roles";
import { ProjectSwitcher } from "./project-switcher";
import { SignOut } from "./sign-out";

const ROLE_NAMES = { LABELER: "labeler", LEAD: "data lead", ML: "ML engineer", ADMIN: "admin" } as const;

/** The bar on top of every signed-in page: product, project switcher (staff), who is signed in. */
export function AppHeader({ user, projects }: { user: SessionUser; projects?: { slug: string; name: string }[] }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Vibecheck
        </Link>
        {projects && projects.length > 0 && <ProjectSwitcher projects={projects} />}
        {user.role === "ADMIN" && (
          <Link href="/admin" className="text-sm text-stone-700 underline-offset-4 hover:underline">
            Admin
          </Link>
        )}
        {user.role !== "LABELER" && (
          // ML engineers and admins land on their tokens (which link the reference); leads read the reference.
          <Link
            href={user.role === "LEAD" ? "/docs/api" : "/account/tokens"}
            className="text-sm text-stone-700 underline-offset-4 hover:underline"
          >
            API
          </Link>
        )}
        <p className="ml-auto text-sm text-stone-700">
          <span className="font-medium">{user.email ?? "crowd labeler"}</span>
          <span className="mx-1 text-stone-500">·</span>
          <span data-testid="signed-in-role">{ROLE_NAMES[user.role]}</span>
          <span className="mx-1 text-stone-500">·</span>
          <SignOut />
        </p>
      </div>
    </header>
  );
}
