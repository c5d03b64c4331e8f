import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { bestOfN, bestOfNCurve, bestOfNWeights, logBinomial, type Sample } from "./best-of-n";

function subsets(m: number, n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= m - n; first++)
    for (const rest of subsets(m - first - 1, n - 1)) out.push([first, ...rest.map((r) => r + first + 1)]);
  return out;
}

/** Every n-subset equally likely; the chosen sample is the highest proxy (the later index on a tie). */
function bruteForce(samples: Sample[], n: number): Sample {
  const all = subsets(samples.length, n);
  let proxy = 0;
  let truth = 0;
  for (const subset of all) {
    let best = subset[0] as number;
    for (const i of subset) if ((samples[i] as Sample).proxy >= (samples[best] as Sample).proxy) best = i;
    proxy += (samples[best] as Sample).proxy;
    truth += (samples[best] as Sample).truth;
  }
  return { proxy: proxy / all.length, truth: truth / all.length };
}

function randomSamples(m: number, seed: number): Sample[] {
  const random = mulberry32(seed);
  return Array.from({ length: m }, () => ({ proxy: random() * 4 - 2, truth: random() }));
}

describe("best-of-n", () => {
  it("counts subsets correctly (the brute force is itself right)", () => {
    expect(subsets(6, 3)).toHaveLength(20);
    expect(Math.exp(logBinomial(6, 3))).toBeCloseTo(20, 10);
    expect(Math.exp(logBinomial(52, 5))).toBeCloseTo(2598960, 3);
  });

  it("equals brute-force enumeration over all n-subsets", () => {
    for (const [m, seed] of [
      [5, 1],
      [8, 2],
      [11, 3],
    ] as const) {
      const samples = randomSamples(m, seed);
      for (let n = 1; n <= m; n++) {
        const fast = bestOfN(samples, n);
        const slow = bruteForce(samples, n);
        expect(fast.proxy).toBeCloseTo(slow.proxy, 12);
        expect(fast.truth).toBeCloseTo(slow.truth, 12);
      }
    }
  });

  it("agrees with brute force when proxies tie (later sample wins, as in the sort)", () => {
    const samples = [
      { proxy: 1, truth: 0.1 },
      { proxy: 0, truth: 0.9 },
      { proxy: 1, truth: 0.5 },
      { proxy: 2, truth: 0.3 },
      { proxy: 0, truth: 0.2 },
    ];
    for (let n = 1; n <= 5; n++) expect(bestOfN(samples, n).truth).toBeCloseTo(bruteForce(samples, n).truth, 12);
  });

  it("gives the plain mean at n = 1 and the top-proxy sample at n = m", () => {
    const samples = randomSamples(40, 7);
    const meanTruth = samples.reduce((s, x) => s + x.truth, 0) / samples.length;
    const meanProxy = samples.reduce((s, x) => s + x.proxy, 0) / samples.length;
    expect(bestOfN(samples, 1).truth).toBeCloseTo(meanTruth, 12);
    expect(bestOfN(samples, 1).proxy).toBeCloseTo(meanProxy, 12);
    const top = samples.reduce((a, b) => (b.proxy > a.proxy ? b : a));
    expect(bestOfN(samples, 40)).toEqual({ proxy: top.proxy, truth: top.truth });
  });

  it("keeps weights finite and summing to one where the binomials overflow a double", () => {
    const w = bestOfNWeights(2000, 1000);
    expect(w.every(Number.isFinite)).toBe(true);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(() => bestOfNWeights(5, 6)).toThrow(RangeError);
  });

  it("computes the whole curve the same as one n at a time, with the proxy rising in n", () => {
    const samples = randomSamples(16, 9);
    const curve = bestOfNCurve(samples);
    curve.forEach((point, i) => {
      expect(point.proxy).toBeCloseTo(bestOfN(samples, i + 1).proxy, 12);
      if (i > 0) expect(point.proxy).toBeGreaterThanOrEqual((curve[i - 1] as Sample).proxy);
    });
  });
});
