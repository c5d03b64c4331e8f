import type { ProjectSection } from "@/lib/workspace/sections";

/** A section's title and the one line that says what it is for. */
export function SectionHeader({ section, children }: { section: ProjectSection; children?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h2 className="text-xl font-semibold">{section.label}</h2>
        <p className="text-sm text-stone-600">{section.purpose}</p>
      </div>
      {children}
    </div>
  );
}
