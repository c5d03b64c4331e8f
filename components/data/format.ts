import type { Choice } from "@/lib/db";

/** Times on staff pages are UTC, as the date filters are. */
export const formatWhen = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export const formatDuration = (ms: number) =>
  ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;

export const choiceWords: Record<Choice, string> = { A: "A", B: "B", TIE: "Tie", BOTH_BAD: "Both bad" };

/** Where a labeler's judgments are listed: the judgments view filtered to them. */
export const labelerHref = (slug: string, labeler: string) =>
  `/projects/${slug}/data?${new URLSearchParams({ labeler })}`;

export const pairHref = (slug: string, promptId: string, pairId: string) =>
  `/projects/${slug}/data/prompts/${promptId}#pair-${pairId}`;
