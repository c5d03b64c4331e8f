"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { ACCOUNT_DEACTIVATED, DEACTIVATED_MESSAGE } from "@/lib/auth/sign-in-errors";

type Props = { code: string; workerId: string; projectSlug: string };

/** Crowd workers do not sign up: their platform worker id, with the invite code, is their identity. */
export function WorkerSignIn({ code, workerId, projectSlug }: Props) {
  const [failed, setFailed] = useState<"refused" | "deactivated" | "network" | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signIn("invite", { code, workerId, redirect: false })
      .then((result) => {
        if (result?.ok && !result.error) window.location.replace(`/label/${encodeURIComponent(projectSlug)}`);
        else setFailed(result?.error === ACCOUNT_DEACTIVATED ? "deactivated" : "refused");
      })
      .catch(() => setFailed("network"));
  }, [code, workerId, projectSlug]);

  if (failed === "network") {
    return (
      <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        The server could not be reached. Check your connection and reload this page.
      </p>
    );
  }
  if (failed === "deactivated") {
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
        {DEACTIVATED_MESSAGE}
      </p>
    );
  }
  if (failed) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
        <p className="font-medium">We could not start your session.</p>
        <p className="mt-1">
          The worker id <code className="font-mono">{workerId}</code> was not accepted: it may use only letters, digits
          and <code className="font-mono">. _ @ : -</code> (at most 128). Go back to the task page on your platform and
          open the link again.
        </p>
      </div>
    );
  }
  return (
    <p data-testid="worker-sign-in" aria-busy="true" className="text-stone-600">
      Signing you in as worker <code className="font-mono">{workerId}</code>…
    </p>
  );
}
