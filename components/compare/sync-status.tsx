import type { OutboxState } from "@/lib/client/outbox";

/** Quiet when everything is stored; says plainly what is waiting and why otherwise. */
export function SyncStatus({ state }: { state: OutboxState }) {
  const { pending, problem, persistent } = state;
  const waiting = `${pending} waiting to sync`;
  const [tone, text] =
    problem === "offline"
      ? (["amber", pending > 0 ? `Offline · ${waiting}` : "Offline"] as const)
      : problem === "signed-out"
        ? (["red", `Signed out · ${waiting}: sign in again`] as const)
        : problem === "server" && pending > 0
          ? (["amber", `Server busy · ${waiting}`] as const)
          : pending > 0
            ? (["stone", `Saving… ${pending} waiting to sync`] as const)
            : (["green", "All saved"] as const);
  const dot = { amber: "bg-amber-500", red: "bg-red-600", stone: "bg-stone-400", green: "bg-emerald-500" }[tone];
  return (
    <span
      data-testid="sync-status"
      data-pending={pending}
      data-problem={problem ?? ""}
      role="status"
      className="inline-flex items-center gap-1.5 text-xs text-stone-600"
    >
      <span aria-hidden="true" className={`inline-block size-2 rounded-full ${dot}`} />
      {text}
      {!persistent && pending > 0 && <span className="text-red-700"> · kept in this tab only, keep it open</span>}
    </span>
  );
}
