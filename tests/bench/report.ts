/**
 * One measured figure of `npm run bench`, always next to a baseline measured in the same run on
 * the same machine, so the ratio means something on a noisy two-core box.
 */
export type BenchFigure = {
  name: string;
  /** Median over repeated runs. */
  value: number;
  unit: string;
  baselineName: string;
  baseline: number;
  /** Optional target from the issue, for the printed verdict. */
  target?: { op: ">=" | "<="; value: number };
};

export type BenchSection = {
  /** Short, unique: what `npm run bench -- <name>…` selects by. */
  name: string;
  title: string;
  run: () => Promise<BenchFigure[]>;
};

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` `times` times and returns the median of what it returns. */
export async function medianOf(times: number, fn: () => Promise<number> | number): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) values.push(await fn());
  return median(values);
}

export function formatFigure(f: BenchFigure): string {
  const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString("en-US") : n.toPrecision(3));
  const verdict = f.target
    ? (f.target.op === ">=" ? f.value >= f.target.value : f.value <= f.target.value)
      ? `  target ${f.target.op} ${fmt(f.target.value)}: met`
      : `  target ${f.target.op} ${fmt(f.target.value)}: NOT met`
    : "";
  const ratio = f.baseline === 0 ? "n/a" : (f.value / f.baseline).toFixed(3);
  return `  ${f.name}: ${fmt(f.value)} ${f.unit}  | baseline ${f.baselineName}: ${fmt(f.baseline)} ${f.unit}  | ratio ${ratio}${verdict}`;
}
