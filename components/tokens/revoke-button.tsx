"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { DialogButtons } from "@/components/compare/skip-dialog";
import { closeDialogOf, Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast-provider";
import { sendJson } from "@/lib/client/send-json";

/** Revokes a token after a confirmation: scripts using it get 401 from their next call. */
export function RevokeButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);

  async function revoke(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    closeDialogOf(event.currentTarget);
    const result = await sendJson(`/api/tokens/${encodeURIComponent(id)}`, "DELETE");
    if (!result.ok) return toast(result.message);
    toast(`“${name}” revoked`);
    router.refresh();
  }

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-red-800 underline">
        Revoke<span className="sr-only"> {name}</span>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Revoke “${name}”?`} testId="revoke-dialog">
        <form onSubmit={revoke} className="flex flex-col gap-4">
          <p className="text-sm text-stone-700">
            Scripts using this token get 401 from their next call. This cannot be undone.
          </p>
          <DialogButtons confirm="Revoke token" />
        </form>
      </Dialog>
    </>
  );
}
