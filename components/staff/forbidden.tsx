import Link from "next/link";

export function Forbidden() {
  return (
    <main className="mx-auto mt-24 max-w-md px-4 text-center">
      <h1 className="mb-2 text-xl font-semibold">Not for your role</h1>
      <p className="text-stone-600">
        Your role cannot open this page.{" "}
        <Link className="underline" href="/">
          Back to your projects
        </Link>
      </p>
    </main>
  );
}
