"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function ExcludeToggle({ slug, userId, excluded }: { slug: string; userId: string; excluded: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    await fetch(`/api/projects/${slug}/members/${userId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ excluded: !excluded }),
    });
    setBusy(false);
    router.refresh();
  }
  return (
    <button type="button" disabled={busy} onClick={toggle} className="text-xs underline disabled:opacity-50">
      {excluded ? "include again" : "exclude"}
    </button>
  );
}
