import { MarkdownText } from "../markdown/markdown";

export function PromptCard({ text }: { text: string }) {
  return (
    <section
      data-testid="prompt"
      aria-label="Prompt"
      className="rounded-lg border border-stone-200 bg-white px-4 py-3 shadow-sm"
    >
      <h2 className="mb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase">Prompt</h2>
      <div className="max-h-40 overflow-auto text-stone-900">
        <MarkdownText text={text} />
      </div>
    </section>
  );
}
