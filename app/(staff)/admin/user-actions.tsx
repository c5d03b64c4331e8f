"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "@/components/ui/toast-provider";
import { sendJson } from "@/lib/client/send-json";

const ROLES = ["LABELER", "LEAD", "ML", "ADMIN"] as const;
type Role = (typeof ROLES)[number];

type Props = { userId: string; label: string; role: Role; active: boolean; hasEmail: boolean; isSelf: boolean };

/** One user's controls on the admin page: role, password reset (shown once), deactivation. */
export function UserActions({ userId, label, role, active, hasEmail, isSelf }: Props) {
  const toast = useToast();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const url = `/api/admin/users/${encodeURIComponent(userId)}`;

  async function change(body: { role?: Role; active?: boolean }, done: string) {
    setBusy(true);
    const result = await sendJson(url, "PATCH", body);
    setBusy(false);
    if (!result.ok) return toast(result.message);
    toast(done);
    router.refresh();
  }

  async function reset() {
    setBusy(true);
    const result = await sendJson<{ password: string }>(`${url}/password`, "POST");
    setBusy(false);
    if (!result.ok) return toast(result.message);
    setPassword(result.data.password);
  }

  if (isSelf) return <span className="text-stone-600">your account</span>;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <select
        aria-label={`Role of ${label}`}
        defaultValue={role}
        disabled={busy}
        onChange={(e) => change({ role: e.currentTarget.value as Role }, `${label} is now ${e.currentTarget.value}`)}
        className="rounded border border-stone-300 px-1 py-0.5"
      >
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      {hasEmail && (
        <button type="button" disabled={busy} onClick={reset} className="underline disabled:opacity-50">
          Reset password
        </button>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          change({ active: !active }, active ? `${label} deactivated; their data stays` : `${label} reactivated`)
        }
        className="underline disabled:opacity-50"
      >
        {active ? "Deactivate" : "Reactivate"}
      </button>
      {password && (
        <p role="status" className="w-full rounded border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950">
          New password for {label}:{" "}
          <code data-testid="new-password" className="select-all font-mono">
            {password}
          </code>{" "}
          — shown only now; give it to them.{" "}
          <button type="button" onClick={() => setPassword(null)} className="underline">
            Done
          </button>
        </p>
      )}
    </div>
  );
}
