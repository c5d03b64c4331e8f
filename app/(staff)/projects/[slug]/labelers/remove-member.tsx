"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "@/components/ui/toast-provider";
import { sendJson } from "@/lib/client/send-json";

/** Removes a member after a confirmation; their judgments stay in the project. */
export function RemoveMember({ slug, userId, label }: { slug: string; userId: string; label: string }) {
  const toast = useToast();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const result = await sendJson(
      `/api/projects/${encodeURIComponent(slug)}/members/${encodeURIComponent(userId)}`,
      "DELETE",
    );
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return toast(result.message);
    toast(`${label} removed; their judgments stay`);
    router.refresh();
  }

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        aria-label={`Remove ${label}`}
        className="text-xs underline"
      >
        remove
      </button>
    );
  }
  return (
    <span className="inline-flex gap-2 whitespace-nowrap text-xs">
      <button
        type="button"
        disabled={busy}
        onClick={remove}
        aria-label={`Yes, remove ${label}`}
        className="rounded bg-red-700 px-2 py-0.5 font-medium text-white disabled:opacity-50"
      >
        Yes, remove
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="underline">
        keep
      </button>
    </span>
  );
}
