/** Shown while a section's data loads: the shape of a page, not a spinner. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-4">
      <div className="h-6 w-48 rounded bg-stone-200" />
      <div className="h-4 w-96 max-w-full rounded bg-stone-200" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-16 rounded bg-stone-200" />
        ))}
      </div>
    </div>
  );
}
