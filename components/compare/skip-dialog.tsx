"use client";

import { type FormEvent, useState } from "react";
import { closeDialogOf, Dialog } from "../ui/dialog";

/** "Skip this pair?" with an optional reason; Enter skips, Escape goes back to the pair. */
export function SkipDialog({
  open,
  onClose,
  onSkip,
}: {
  open: boolean;
  onClose: () => void;
  onSkip: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSkip(reason);
    closeDialogOf(event.currentTarget);
  }

  return (
    <Dialog open={open} onClose={onClose} title="Skip this pair?" testId="skip-dialog">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <p className="text-sm text-stone-700">It goes to someone else, and you will not see it again.</p>
        <label className="block">
          <span className="text-sm font-medium text-stone-800">Why? (optional)</span>
          <input
            data-autofocus
            data-testid="skip-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={500}
            placeholder="e.g. I don't know this topic"
            className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
        </label>
        <DialogButtons confirm="Skip pair" />
      </form>
    </Dialog>
  );
}

/** Cancel and confirm, confirm last (Enter in a field submits the form). */
export function DialogButtons({ confirm }: { confirm: string }) {
  return (
    <div className="flex justify-end gap-2">
      <button
        type="button"
        onClick={(event) => closeDialogOf(event.currentTarget)}
        className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Cancel
      </button>
      <button
        type="submit"
        className="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {confirm} <kbd className="ml-1 text-xs opacity-80 touch:hidden">Enter</kbd>
      </button>
    </div>
  );
}
