"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { MAX_PASSWORD, MIN_PASSWORD } from "@/lib/auth/password-policy";

type Props = { code: string; projectSlug: string };
type Field = "email" | "password" | "name";
type ApiError = { code?: string; message?: string; details?: { field?: string; message?: string }[] };

/**
 * Sign up through an invite: create the account (POST /api/join), sign in, start labeling. Signing
 * in instead comes back to the invite, which then joins the signed-in user.
 */
export function JoinForm({ code, projectSlug }: Props) {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labelUrl = `/label/${encodeURIComponent(projectSlug)}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const response = await fetch("/api/join", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code, email, password, ...(name ? { name } : {}) }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: ApiError };
        showErrors(body.error ?? {});
        return;
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) window.location.assign(labelUrl);
      else setProblem("Your account was created, but signing in failed. Sign in with your email and password.");
    } catch {
      setProblem("The server could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  function showErrors(error: ApiError) {
    const byField: Partial<Record<Field, string>> = {};
    for (const detail of error.details ?? []) {
      const field = detail.field?.replace(/^body\./, "");
      if ((field === "email" || field === "password" || field === "name") && detail.message)
        byField[field] = detail.message;
    }
    if (error.code === "EMAIL_TAKEN" || error.code === "USER_DEACTIVATED")
      byField.email = error.message ?? "This email has an account; sign in instead.";
    setErrors(byField);
    if (Object.keys(byField).length === 0) setProblem(error.message ?? "Signing up failed; try again.");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="join-form">
      <TextField name="email" type="email" label="Email" autoComplete="email" error={errors.email} required />
      <TextField
        name="password"
        type="password"
        label={`Password (${MIN_PASSWORD} to ${MAX_PASSWORD} characters)`}
        autoComplete="new-password"
        error={errors.password}
        required
      />
      <TextField name="name" type="text" label="Name (optional)" autoComplete="name" error={errors.name} />
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-lg bg-indigo-600 px-4 py-2.5 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50"
      >
        {busy ? "Joining…" : "Join and start labeling"}
      </button>
      <p className="text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link
          className="underline"
          href={`/login?callbackUrl=${encodeURIComponent(`/join/${encodeURIComponent(code)}`)}`}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}

function TextField({
  name,
  type,
  label,
  autoComplete,
  error,
  required = false,
}: {
  name: Field;
  type: string;
  label: string;
  autoComplete: string;
  error: string | undefined;
  required?: boolean;
}) {
  const errorId = `${name}-error`;
  return (
    <label className="block">
      <span className="text-sm text-stone-600">{label}</span>
      <input
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`mt-1 w-full rounded-md border px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600 ${
          error ? "border-red-500" : "border-stone-300"
        }`}
      />
      {error && (
        <span id={errorId} data-testid={`error-${name}`} className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
