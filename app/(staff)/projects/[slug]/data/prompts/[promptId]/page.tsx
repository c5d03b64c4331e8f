import Link from "next/link";
import { CandidateCard } from "@/components/data/candidate-card";
import { formatWhen } from "@/components/data/format";
import { PairSection } from "@/components/data/pair-section";
import { MarkdownText } from "@/components/markdown/markdown";
import { pageUserWithRole } from "@/lib/auth/page";
import { STAFF } from "@/lib/auth/roles";
import { promptDetail } from "@/lib/browse";
import { orNotFound } from "@/lib/http/page";
import { projectBySlug } from "@/lib/projects";

export const dynamic = "force-dynamic";

/** One prompt with its candidates (source, score, board), its pairs and each pair's judgments. */
export default async function DataPrompt({ params }: { params: Promise<{ slug: string; promptId: string }> }) {
  const { slug, promptId } = await params;
  await pageUserWithRole(STAFF, `/projects/${slug}/data/prompts/${promptId}`);
  const project = await orNotFound(projectBySlug(slug));
  const prompt = await orNotFound(promptDetail(project, promptId));
  const candidates = new Map(prompt.candidates.map((c) => [c.id, c]));
  return (
    <div className="space-y-8">
      <section aria-labelledby="prompt-title">
        <p className="mb-1 text-sm">
          <Link className="underline underline-offset-4" href={`/projects/${slug}/data/prompts`}>
            ← All prompts
          </Link>
        </p>
        <h3 id="prompt-title" className="text-lg font-semibold">
          Prompt {prompt.externalId}
        </h3>
        <p className="mb-2 text-sm text-stone-600">
          Imported {formatWhen(prompt.createdAt)} · Vibecheck id {prompt.id}
        </p>
        <div className="rounded border border-stone-200 bg-white px-4 py-3">
          <MarkdownText text={prompt.text} />
        </div>
      </section>
      <section aria-labelledby="candidates-title">
        <h3 id="candidates-title" className="mb-2 text-lg font-semibold">
          Candidates ({prompt.candidates.length})
        </h3>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {prompt.candidates.map((c) => (
            <CandidateCard key={c.id} candidate={c} modelVersion={prompt.modelVersion} />
          ))}
        </div>
      </section>
      <section aria-labelledby="pairs-title">
        <h3 id="pairs-title" className="mb-2 text-lg font-semibold">
          Pairs ({prompt.pairs.length})
        </h3>
        {prompt.pairs.length === 0 ? (
          <p className="rounded border border-stone-200 bg-white p-4 text-sm">
            This prompt has no pairs: it needs at least two candidates.
          </p>
        ) : (
          <div className="space-y-3">
            {prompt.pairs.map((pair) => (
              <PairSection key={pair.id} slug={slug} pair={pair} candidates={candidates} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
