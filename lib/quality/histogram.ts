/**
 * Decision-time buckets for the Labelers page, in milliseconds: the lower edge of each bucket
 * after the first (PostgreSQL's width_bucket takes these edges, so the SQL and the labels agree).
 */
export const TIME_EDGES_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000] as const;

/** "<1 s", "1–2 s", …, "≥60 s": one label per bucket, TIME_EDGES_MS.length + 1 of them. */
export function timeBucketLabels(edges: readonly number[] = TIME_EDGES_MS): string[] {
  const s = (ms: number) => `${ms / 1000}`;
  const labels = [`<${s(edges[0] ?? 0)} s`];
  for (let i = 1; i < edges.length; i++) labels.push(`${s(edges[i - 1] ?? 0)}–${s(edges[i] ?? 0)} s`);
  labels.push(`≥${s(edges.at(-1) ?? 0)} s`);
  return labels;
}
