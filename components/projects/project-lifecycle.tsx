"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "@/components/ui/toast-provider";

type Props = { slug: string; name: string; archivedAt: string | null };

/** Archive (reversible, keeps everything) and delete (final, the slug typed to confirm); admins only. */
export function ProjectLifecycle({ slug, name, archivedAt }: Props) {
  return (
    <div className="space-y-4">
      <ArchiveControl slug={slug} archivedAt={archivedAt} />
      <DeleteControl slug={slug} name={name} />
    </div>
  );
}

async function errorMessage(response: Response | null): Promise<string> {
  if (!response) return "The server could not be reached; try again.";
  const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return answer?.error?.message ?? `The server answered HTTP ${response.status}; try again.`;
}

function ArchiveControl({ slug, archivedAt }: { slug: string; archivedAt: string | null }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const archived = archivedAt !== null;

  async function toggle() {
    setBusy(true);
    const response = await fetch(`/api/projects/${slug}/archive`, { method: archived ? "DELETE" : "POST" }).catch(
      () => null,
    );
    setBusy(false);
    if (!response?.ok) return setProblem(await errorMessage(response));
    setProblem(null);
    toast(
      archived
        ? "Project unarchived: labelers get pairs again within a few seconds."
        : "Project archived: labelers get no more pairs within a few seconds.",
    );
    router.refresh();
  }

  return (
    <section aria-labelledby="archive-title" className="rounded border border-stone-200 bg-white p-4">
      <h3 id="archive-title" className="font-semibold">
        {archived ? "This project is archived" : "Archive"}
      </h3>
      <p className="mt-1 text-sm text-stone-600">
        {archived
          ? `Archived on ${new Date(archivedAt).toLocaleDateString("en", { dateStyle: "medium" })}: labelers get no pairs. Every prompt, judgment and model is kept; unarchive to serve pairs again.`
          : "Stops serving pairs to every labeler. Nothing is deleted: prompts, judgments, models and exports stay, and you can unarchive at any time."}
      </p>
      <button
        type="button"
        onClick={toggle}
        disabled={busy}
        className="mt-3 rounded border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-60"
      >
        {archived ? "Unarchive project" : "Archive project"}
      </button>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}
    </section>
  );
}

function DeleteControl({ slug, name }: { slug: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    const response = await fetch(`/api/projects/${slug}`, {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ confirmSlug: typed }),
    }).catch(() => null);
    setBusy(false);
    if (!response?.ok) return setProblem(await errorMessage(response));
    toast(`Project "${name}" was deleted.`);
    router.push("/admin");
    router.refresh();
  }

  return (
    <section aria-labelledby="delete-title" className="rounded border border-red-200 bg-white p-4">
      <h3 id="delete-title" className="font-semibold text-red-800">
        Delete
      </h3>
      <p className="mt-1 text-sm text-stone-600">
        Deletes the project with all its prompts, candidates, pairs, judgments, demonstrations and reward models. This
        cannot be undone; export the data first if you need it. Archive instead to only stop labeling.
      </p>
      <label htmlFor="confirm-slug" className="mt-3 block text-sm">
        Type <code className="rounded bg-stone-100 px-1 font-semibold">{slug}</code> to confirm
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="confirm-slug"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="rounded border border-stone-300 px-2 py-1 text-sm"
        />
        <button
          type="button"
          onClick={remove}
          disabled={busy || typed !== slug}
          className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Delete project
        </button>
      </div>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}
    </section>
  );
}
