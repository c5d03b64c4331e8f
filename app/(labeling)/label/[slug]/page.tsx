import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LabelingApp } from "@/components/compare/labeling-app";
import { labelingProgress } from "@/lib/assign";
import { pageUser } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { orNotFound } from "@/lib/http/page";
import { requireProjectAccess } from "@/lib/projects";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Label · Vibecheck" };

export default async function LabelPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await pageUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/label/${slug}`)}`);

  let project: Awaited<ReturnType<typeof requireProjectAccess>>;
  try {
    project = await orNotFound(requireProjectAccess(user, slug));
  } catch (error) {
    if (!isDomainError(error, "FORBIDDEN")) throw error;
    return (
      <Refused
        title="You don't have access to this project"
        message="You are signed in, but not as a member of this project. Open the invite link you were sent to join it, or ask the project lead for one."
      />
    );
  }

  const progress = await labelingProgress(project, user.id);
  return (
    <LabelingApp
      projectSlug={project.slug}
      projectName={project.name}
      userId={user.id}
      settings={{
        allowTie: project.allowTie,
        allowBothBad: project.allowBothBad,
        strengthScale: project.strengthScale,
        rationale: project.rationale,
      }}
      guidelines={project.guidelines?.trim() ? project.guidelines : null}
      judged={progress.judged}
      quotaLeft={progress.quotaLeft}
      openPairs={progress.openPairs}
    />
  );
}

function Refused({ title, message }: { title: string; message: string }) {
  return (
    <main className="mx-auto mt-24 max-w-md px-4 text-center">
      <h1 data-testid="refused" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-3 text-stone-600">{message}</p>
      <Link href="/" className="mt-6 inline-block underline">
        Back to your projects
      </Link>
    </main>
  );
}
