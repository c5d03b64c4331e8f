import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pageUser } from "@/lib/auth/guard";
import { joinByInvite, projectByInviteCode } from "@/lib/projects";
import { JoinForm } from "./join-form";
import { WorkerSignIn } from "./worker-sign-in";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Join · Vibecheck" };

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * An invite link. Crowd platforms append `?workerId=…`: those workers are signed in at once with
 * the `invite` provider (even over another session: the worker id is who is labeling). Someone
 * already signed in joins at once; everyone else signs up, or signs in and comes back here.
 */
export default async function JoinPage({ params, searchParams }: Props) {
  const { code } = await params;
  const { workerId } = await searchParams;
  const isWorker = typeof workerId === "string" && workerId !== "";
  const user = isWorker ? null : await pageUser();
  const joined = user && (await joinByInvite(code, user.id));
  if (joined) redirect(`/label/${encodeURIComponent(joined)}`);
  const project = await projectByInviteCode(code);
  if (!project) {
    return (
      <main className="mx-auto mt-24 max-w-md px-4 text-center">
        <h1 data-testid="invite-unknown" className="text-2xl font-semibold">
          This invite link is not valid
        </h1>
        <p className="mt-3 text-stone-600">
          No project uses the code in this link. Check that you copied the whole link, or ask whoever sent it for a new
          one.
        </p>
      </main>
    );
  }
  return (
    <main className="mx-auto mt-16 max-w-sm px-4 pb-16">
      <p className="text-sm text-stone-600">You are invited to label</p>
      <h1 className="mb-6 text-2xl font-semibold">{project.name}</h1>
      {isWorker ? (
        <WorkerSignIn code={code} workerId={workerId} projectSlug={project.slug} />
      ) : (
        <JoinForm code={code} projectSlug={project.slug} />
      )}
    </main>
  );
}
