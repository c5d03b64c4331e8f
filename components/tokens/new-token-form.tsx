"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { SCOPE_DESCRIPTIONS, type Scope } from "@/lib/auth/scopes";
import { sendJson } from "@/lib/client/send-json";

const EXPIRIES = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
];

/** Creates a token and shows its secret once, with a copy button and a reminder that it will not be shown again. */
export function NewTokenForm({ scopes }: { scopes: Scope[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      name: String(data.get("name") ?? ""),
      scopes: data.getAll("scopes").map(String),
      expiresInDays: Number(data.get("expiresInDays")),
    };
    if (body.scopes.length === 0) return setError("Choose at least one scope.");
    setBusy(true);
    setError(null);
    const result = await sendJson<{ name: string; token: string }>("/api/tokens", "POST", body);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSecret({ name: result.data.name, token: result.data.token });
    setCopied(false);
    form.reset();
    router.refresh();
  }

  async function copy() {
    if (!secret) return;
    await navigator.clipboard.writeText(secret.token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <div className="space-y-4">
      {secret && (
        <div role="status" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-medium">Token “{secret.name}” created. Copy it now: it is shown only this once.</p>
          <code data-testid="new-token" className="block select-all break-all rounded bg-white px-2 py-1 font-mono">
            {secret.token}
          </code>
          <div className="flex gap-4">
            <button type="button" onClick={copy} className="underline">
              {copied ? "Copied" : "Copy"}
            </button>
            <button type="button" onClick={() => setSecret(null)} className="underline">
              Done, hide it
            </button>
          </div>
        </div>
      )}
      <form onSubmit={onSubmit} className="space-y-4 rounded border border-stone-200 bg-white p-4">
        <label className="flex flex-col text-sm">
          <span className="text-stone-700">Name</span>
          <input
            name="name"
            required
            maxLength={100}
            placeholder="e.g. nightly export"
            className="mt-1 rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <fieldset className="space-y-2 text-sm">
          <legend className="text-stone-700">Scopes: what the token may call</legend>
          {scopes.map((scope) => (
            <label key={scope} className="flex items-start gap-2">
              <input type="checkbox" name="scopes" value={scope} className="mt-1" />
              <span>
                <code className="font-mono">{scope}</code>
                <span className="block text-stone-600">{SCOPE_DESCRIPTIONS[scope]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col text-sm sm:w-48">
          <span className="text-stone-700">Expires after</span>
          <select name="expiresInDays" defaultValue="90" className="mt-1 rounded border border-stone-300 px-2 py-1">
            {EXPIRIES.map((e) => (
              <option key={e.days} value={e.days}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Create token
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
