import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found · Vibecheck" };

export default function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md px-4 text-center">
      <h1 data-testid="not-found" className="text-2xl font-semibold">
        Page not found
      </h1>
      <p className="mt-3 text-stone-600">
        There is nothing at this address: the project or page may have been renamed, or the link was cut short. Check
        the link you were given.
      </p>
      <Link href="/" className="mt-6 inline-block underline">
        Back to your projects
      </Link>
    </main>
  );
}
