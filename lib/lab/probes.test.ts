import { describe, expect, it } from "vitest";
import { keywords, PROBE_KINDS, probesFor, words } from "./probes";

const prompt = "Write a poem about the sea and the moon";
const genuine = [
  "The tide pulls silver threads across the dark.",
  "Moonlight on water, a slow and quiet song of salt.",
];

describe("probes", () => {
  it("are deterministic: the same inputs give the same probes, in the same order", () => {
    const first = probesFor(prompt, genuine);
    expect(probesFor(prompt, genuine)).toEqual(first);
    expect(probesFor(prompt, [...genuine].reverse())).toEqual(first);
    expect(first.map((p) => p.kind)).toEqual(PROBE_KINDS);
  });

  it("make each degenerate kind as described", () => {
    const byKind = Object.fromEntries(probesFor(prompt, genuine).map((p) => [p.kind, p.text]));
    expect(byKind.empty).toBe("");
    expect(byKind.echo).toBe(prompt);
    expect(new Set(words(byKind.repeat ?? ""))).toEqual(new Set(["the"]));
    expect(words(byKind.repeat ?? "").length).toBeGreaterThanOrEqual(12);
    expect(new Set(words(byKind.stuffed ?? ""))).toEqual(new Set(["poem", "about", "sea", "moon"]));
    const longest = Math.max(...genuine.map((g) => words(g).length));
    expect(words(byKind.padded ?? "").length).toBeGreaterThanOrEqual(2 * Math.max(12, longest));
  });

  it("keep function words out of the stuffed keywords", () => {
    expect(keywords("What is the capital of France?")).toEqual(["capital", "france"]);
  });
});
