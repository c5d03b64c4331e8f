"use client";

import { type FormEvent, useState } from "react";
import type { ReportKind } from "@/lib/client/labeling-session";
import { closeDialogOf, Dialog } from "../ui/dialog";
import { DialogButtons } from "./skip-dialog";

const KINDS: { kind: ReportKind; label: string; help: string }[] = [
  { kind: "BROKEN", label: "Broken", help: "empty, cut off, garbled, or the wrong prompt" },
  { kind: "OFFENSIVE", label: "Offensive", help: "hateful, sexual, violent or otherwise harmful content" },
  { kind: "DUPLICATE", label: "Duplicate", help: "both responses are the same, or you saw this pair already" },
  { kind: "OTHER", label: "Other", help: "something else the project lead should look at" },
];

/** What is wrong with the pair, and an optional note; the pair is then skipped. */
export function ReportDialog({
  open,
  onClose,
  onReport,
}: {
  open: boolean;
  onClose: () => void;
  onReport: (kind: ReportKind, note: string) => void;
}) {
  const [kind, setKind] = useState<ReportKind | null>(null);
  const [note, setNote] = useState("");
  const [hint, setHint] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!kind) {
      setHint("Choose what is wrong with this pair first.");
      return;
    }
    onReport(kind, note);
    closeDialogOf(event.currentTarget);
  }

  return (
    <Dialog open={open} onClose={onClose} title="Report this pair" testId="report-dialog">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-stone-800">What is wrong?</legend>
          <div className="flex flex-col gap-1.5">
            {KINDS.map((k, index) => (
              <label
                key={k.kind}
                className="flex cursor-pointer items-start gap-2 rounded-md border border-stone-200 px-3 py-2 has-checked:border-indigo-500 has-checked:bg-indigo-50"
              >
                <input
                  type="radio"
                  name="report-kind"
                  value={k.kind}
                  checked={kind === k.kind}
                  onChange={() => {
                    setKind(k.kind);
                    setHint(null);
                  }}
                  {...(index === 0 ? { "data-autofocus": true } : {})}
                  className="mt-1 accent-indigo-600"
                />
                <span className="text-sm">
                  <span className="font-medium text-stone-900">{k.label}</span>
                  <span className="text-stone-700"> — {k.help}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block">
          <span className="text-sm font-medium text-stone-800">Note for the project lead (optional)</span>
          <textarea
            data-testid="report-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={2}
            maxLength={2000}
            className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
        </label>
        {hint && (
          <p role="alert" className="rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
            {hint}
          </p>
        )}
        <p className="text-sm text-stone-700">The pair is skipped for you once reported.</p>
        <DialogButtons confirm="Report and skip" />
      </form>
    </Dialog>
  );
}
