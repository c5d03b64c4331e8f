"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useToast } from "@/components/ui/toast-provider";

async function post(url: string, body?: object): Promise<{ ok: boolean; message: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  }).catch(() => null);
  if (!response) return { ok: false, message: "The server could not be reached; try again." };
  const answer = (await response.json().catch(() => null)) as {
    message?: string;
    error?: { message?: string };
  } | null;
  if (!response.ok)
    return { ok: false, message: answer?.error?.message ?? `The server answered HTTP ${response.status}; try again.` };
  return { ok: true, message: answer?.message ?? "Done." };
}

/** Posts a Lab action, then says what happened: a toast and a refresh, or the error in place. */
function useLabAction() {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function send(url: string, body?: object) {
    setBusy(true);
    const { ok, message } = await post(url, body);
    setBusy(false);
    if (!ok) return setProblem(message);
    setProblem(null);
    toast(message);
    router.refresh();
  }
  return { busy, problem, send };
}

/** A Lab action without input. */
export function LabActionButton({ url, label, primary }: { url: string; label: string; primary?: boolean }) {
  const { busy, problem, send } = useLabAction();
  const run = () => send(url);
  return (
    <div className="space-y-1">
      <button
        type="button"
        onClick={run}
        disabled={busy}
        className={
          primary
            ? "rounded bg-stone-900 px-3 py-1.5 text-sm text-white hover:bg-stone-700 disabled:opacity-60"
            : "rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60"
        }
      >
        {label}
      </button>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}

/** "Run the optimizer": a prompt, where to start, and the button. */
export function OptimizeForm({ slug, prompts }: { slug: string; prompts: { id: string; text: string }[] }) {
  const { busy, problem, send } = useLabAction();
  const ids = useId();
  const [prompt, setPrompt] = useState(prompts[0]?.id ?? "");
  const [from, setFrom] = useState<"genuine" | "empty">("genuine");
  function submit(event: React.FormEvent) {
    event.preventDefault();
    void send(`/api/projects/${encodeURIComponent(slug)}/lab/optimize`, { prompt, from });
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex min-w-0 max-w-full flex-col gap-1" htmlFor={`${ids}-prompt`}>
        Prompt
        <select
          id={`${ids}-prompt`}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          className="max-w-full rounded border border-stone-300 bg-white px-2 py-1.5 sm:max-w-md"
        >
          {prompts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}: {p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex gap-3">
        <legend className="mb-1">Start from</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${ids}-from`} checked={from === "genuine"} onChange={() => setFrom("genuine")} />
          its first genuine answer
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${ids}-from`} checked={from === "empty"} onChange={() => setFrom("empty")} />
          an empty text
        </label>
      </fieldset>
      <button
        type="submit"
        disabled={busy || prompt === ""}
        className="rounded bg-stone-900 px-3 py-1.5 text-white hover:bg-stone-700 disabled:opacity-60"
      >
        Run the optimizer
      </button>
      {problem && (
        <p role="alert" className="w-full text-red-700">
          {problem}
        </p>
      )}
    </form>
  );
}
