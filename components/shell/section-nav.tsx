"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A project's sections; the one on screen is marked for sight and for screen readers. */
export function SectionNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  // The section a page belongs to is the longest section path it starts with (Data for /data/prompts/…).
  const here = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .reduce<string | null>((best, item) => (!best || item.href.length > best.length ? item.href : best), null);
  return (
    <nav aria-label="Project sections" className="-mb-px flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const current = item.href === here;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm ${
              current
                ? "border-stone-900 font-medium text-stone-900"
                : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
