"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";

type Props = {
  action: string;
  method?: "POST" | "PATCH";
  /** Turns the form's fields into the JSON body. */
  toBody: (form: FormData) => unknown;
  submitLabel: string;
  children: ReactNode;
};

/** A small form that sends JSON to an API route and shows the server's message on failure. */
export function ApiForm({ action, method = "POST", toBody, submitLabel, children }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const response = await fetch(action, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(toBody(new FormData(form))),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      setMessage({ ok: true, text: "Saved." });
      form.reset();
      router.refresh();
    } else setMessage({ ok: false, text: answer?.error?.message ?? `Failed (${response.status}).` });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white">
        {submitLabel}
      </button>
      {message && (
        <p role="status" className={`w-full text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}

export function Field({ label, ...input }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex flex-col text-sm">
      <span className="text-stone-600">{label}</span>
      <input className="mt-1 rounded border border-stone-300 px-2 py-1" {...input} />
    </label>
  );
}
