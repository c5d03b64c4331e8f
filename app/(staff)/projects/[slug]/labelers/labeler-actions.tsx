"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast-provider";
import { sendJson } from "@/lib/client/send-json";

type Action = "PAUSE" | "UNPAUSE" | "EXCLUDE" | "INCLUDE";

const WORDS: Record<Action, { button: string; title: string; effect: string; done: string }> = {
  PAUSE: {
    button: "pause",
    title: "Pause",
    effect:
      "They get no more pairs from their next request on, and the pairs they hold now go back to others. Their judgments still count.",
    done: "paused",
  },
  UNPAUSE: { button: "resume", title: "Resume", effect: "They are served pairs again.", done: "resumed" },
  EXCLUDE: {
    button: "exclude",
    title: "Exclude",
    effect:
      "Their judgments are left out of statistics, the next training run and exports, and the pairs they judged reopen until each has k judgments that count. Excluding does not stop them labeling: pause them too if they should stop.",
    done: "excluded",
  },
  INCLUDE: {
    button: "include again",
    title: "Include again",
    effect:
      "Their judgments count again in statistics, training and exports; pairs that now have enough judgments stop being served.",
    done: "included again",
  },
};

const needsReason = (action: Action) => action === "PAUSE" || action === "EXCLUDE";

/** Pause/resume and exclude/include for one labeler, each through a dialog that asks why. */
export function LabelerActions(props: {
  slug: string;
  userId: string;
  label: string;
  paused: boolean;
  excluded: boolean;
}) {
  const { slug, userId, label, paused, excluded } = props;
  const toast = useToast();
  const router = useRouter();
  const [action, setAction] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function open(next: Action) {
    setError(null);
    setAction(next);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!action) return;
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (needsReason(action) && !reason) return setError("Give a reason: it is kept in the history.");
    setBusy(true);
    const result = await sendJson(
      `/api/projects/${encodeURIComponent(slug)}/labelers/${encodeURIComponent(userId)}/actions`,
      "POST",
      { action, reason },
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    toast(`${label} ${WORDS[action].done}`);
    setAction(null);
    router.refresh();
  }

  const words = action ? WORDS[action] : null;
  return (
    <span className="inline-flex flex-wrap gap-x-3 gap-y-1 text-xs">
      <button
        type="button"
        onClick={() => open(paused ? "UNPAUSE" : "PAUSE")}
        aria-label={`${paused ? "Resume" : "Pause"} ${label}`}
        className="underline"
      >
        {paused ? WORDS.UNPAUSE.button : WORDS.PAUSE.button}
      </button>
      <button
        type="button"
        onClick={() => open(excluded ? "INCLUDE" : "EXCLUDE")}
        aria-label={`${excluded ? "Include again" : "Exclude"} ${label}`}
        className="underline"
      >
        {excluded ? WORDS.INCLUDE.button : WORDS.EXCLUDE.button}
      </button>
      <Dialog
        open={action !== null}
        onClose={() => setAction(null)}
        title={words ? `${words.title} ${label}` : ""}
        testId="labeler-action-dialog"
      >
        {action && words && (
          <form onSubmit={onSubmit} noValidate className="space-y-3 text-sm">
            <p>{words.effect}</p>
            <label htmlFor={`reason-${userId}`} className="block font-medium">
              Reason {needsReason(action) ? "(required)" : "(optional)"}
            </label>
            <textarea
              id={`reason-${userId}`}
              name="reason"
              rows={3}
              maxLength={2000}
              data-autofocus
              required={needsReason(action)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `reason-${userId}-error` : undefined}
              placeholder="e.g. 40% of gold pairs wrong this week"
              className="w-full rounded border border-stone-300 px-2 py-1"
            />
            {error && (
              <p id={`reason-${userId}-error`} role="alert" className="text-red-700">
                {error}
              </p>
            )}
            <div className="flex gap-2">
              <button
                type="submit"
                disabled={busy}
                className="rounded bg-stone-900 px-3 py-1.5 font-medium text-white disabled:opacity-50"
              >
                {busy ? "Saving…" : words.title}
              </button>
              <button type="button" onClick={() => setAction(null)} className="underline">
                Cancel
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </span>
  );
}
