"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useToast } from "@/components/ui/toast-provider";
import { sendJson } from "@/lib/client/send-json";
import { inviteUrl } from "@/lib/projects/invite-url";

type Props = { slug: string; origin: string; code: string; canRotate: boolean };

/** The project's invite link, ready to copy; admins can replace it so old links stop working. */
export function InviteLink({ slug, origin, code, canRotate }: Props) {
  const toast = useToast();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState(code);
  const url = inviteUrl(origin, current);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      toast("Invite link copied");
    } catch {
      // The clipboard API needs a secure context (https or localhost): leave the copying to the user.
      input.current?.select();
      toast("Press Ctrl+C (or ⌘C) to copy the selected link");
    }
  }

  async function rotate() {
    setBusy(true);
    const result = await sendJson<{ inviteCode: string }>(`/api/projects/${encodeURIComponent(slug)}/invite`, "POST");
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return toast(result.message);
    setCurrent(result.data.inviteCode);
    toast("New invite link created; the old one no longer works");
    router.refresh();
  }

  return (
    <div className="space-y-2 rounded border border-stone-200 bg-white p-4">
      <label htmlFor="invite-url" className="block text-sm font-medium">
        Invite link
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="invite-url"
          ref={input}
          readOnly
          value={url}
          data-testid="invite-url"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-stone-300 bg-stone-50 px-2 py-1 font-mono text-sm"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white"
        >
          Copy link
        </button>
      </div>
      <p className="text-sm text-stone-600">
        Anyone with this link can join as a labeler. Crowd platforms append{" "}
        <code className="rounded bg-stone-100 px-1">?workerId=…</code>; someone already signed in joins at once.
      </p>
      {canRotate &&
        (confirming ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>Links with the current code will stop working. Members stay members.</span>
            <button
              type="button"
              disabled={busy}
              onClick={rotate}
              className="rounded bg-red-700 px-3 py-1.5 font-medium text-white disabled:opacity-50"
            >
              Replace the link
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="underline">
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className="text-sm underline">
            Replace with a new link…
          </button>
        ))}
    </div>
  );
}
