"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

type ImportProblem = { line?: number; field?: string; message: string };

/** Uploads a JSONL file as the raw request body, so big files stream to the server. */
export function ImportForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setStatus("Choose a .jsonl file first.");
    setStatus(`Importing ${file.name} …`);
    setProblems([]);
    const response = await fetch(`/api/projects/${slug}/import`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: file,
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      setStatus(`Imported: ${JSON.stringify(answer)}`);
      router.refresh();
    } else {
      setStatus(answer?.error?.message ?? `Import failed (${response.status}); nothing was written.`);
      setProblems(Array.isArray(answer?.error?.details) ? answer.error.details : []);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <label className="block text-sm">
        <span className="mb-1 block text-stone-700">JSONL file to import into {slug}</span>
        <input name="file" type="file" accept=".jsonl,.ndjson,application/x-ndjson" className="text-sm" />
      </label>
      <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white">
        Import
      </button>
      {status && <p className="text-sm text-stone-700">{status}</p>}
      {problems.length > 0 && (
        <ul className="max-h-64 overflow-auto rounded border border-red-200 bg-red-50 p-2 font-mono text-xs text-red-800">
          {problems.map((p) => (
            <li key={`${p.line}:${p.field}:${p.message}`}>
              line {p.line ?? "?"}: {p.field ? `${p.field}: ` : ""}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
