"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useToast } from "@/components/ui/toast-provider";
import { sendJson } from "@/lib/client/send-json";

/** Adds an existing account to the project by email; new people get the invite link instead. */
export function AddMemberForm({ slug }: { slug: string }) {
  const toast = useToast();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "");
    setBusy(true);
    setError(null);
    const result = await sendJson<{ email: string; alreadyMember: boolean }>(
      `/api/projects/${encodeURIComponent(slug)}/members`,
      "POST",
      { email },
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    form.reset();
    toast(result.data.alreadyMember ? `${result.data.email} is already a member` : `${result.data.email} added`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <label htmlFor="member-email" className="block text-sm font-medium">
        Add an existing user by email
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="member-email"
          name="email"
          type="email"
          required
          autoComplete="off"
          placeholder="ada@example.com"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "member-email-error" : undefined}
          className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm"
        />
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          {busy ? "Adding…" : "Add member"}
        </button>
      </div>
      {error && (
        <p id="member-email-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
