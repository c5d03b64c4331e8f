"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The data browser's views; the one on screen is marked for sight and for screen readers. */
export function DataNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/projects/${slug}/data`;
  const views = [
    { href: base, label: "Judgments", current: pathname === base },
    { href: `${base}/prompts`, label: "Prompts", current: pathname.startsWith(`${base}/prompts`) },
    { href: `${base}/reports`, label: "Reports", current: pathname.startsWith(`${base}/reports`) },
  ];
  return (
    <nav aria-label="Data views" className="mb-6 flex gap-2 text-sm">
      {views.map((view) => (
        <Link
          key={view.href}
          href={view.href}
          aria-current={view.current ? "page" : undefined}
          className={`rounded-full border px-3 py-1 ${
            view.current
              ? "border-stone-900 bg-stone-900 text-white"
              : "border-stone-300 bg-white text-stone-700 hover:border-stone-500"
          }`}
        >
          {view.label}
        </Link>
      ))}
    </nav>
  );
}
