import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildModelCard } from "../eval/card";
import { initParams } from "../train/model";
import { REFERENCE_INPUTS, testVectors } from "./reference";
import { defaultFeaturizerSpec, type HashedTextSpec } from "./spec";
import { featurizeText } from "./text";

// The reference Python featurizer (python/vibecheck_features.py, standard library only) must give
// the TypeScript featurizer's vectors: it is what an ML team outside Vibecheck computes inputs with.

const SCRIPT = path.resolve(import.meta.dirname, "../../../python/vibecheck_features.py");

function python(args: string[], input?: string) {
  const run = spawnSync("python3", [SCRIPT, ...args], { input, encoding: "utf8" });
  if (run.error) throw run.error;
  return run;
}

function featurizeInPython(spec: HashedTextSpec): { indices: number[]; values: number[] }[] {
  const run = python(["featurize"], JSON.stringify({ spec, inputs: REFERENCE_INPUTS }));
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { vectors: { indices: number[]; values: number[] }[] }).vectors;
}

// Another seed, trigrams, no scalars, and a clip that cuts texts (one inside a surrogate pair).
const VARIANT: HashedTextSpec = {
  ...defaultFeaturizerSpec,
  dims: 4096,
  hashSeed: 0xdeadbeef,
  maxChars: 9,
  words: { maxN: 3, weight: 0.7 },
  chars: { scope: "word", minN: 2, maxN: 4, weight: 0.5 },
  scalars: false,
};

describe("python/vibecheck_features.py", () => {
  it.each([
    ["the default spec", defaultFeaturizerSpec],
    ["another seed, trigrams, clipped texts", VARIANT],
  ])("gives the TypeScript featurizer's indices and values on the test vectors (%s)", (_, spec) => {
    const fromPython = featurizeInPython(spec);
    expect(fromPython).toHaveLength(10);
    REFERENCE_INPUTS.forEach((input, i) => {
      const expected = featurizeText(spec, input);
      const got = fromPython[i];
      expect(got?.indices, `input ${i}`).toEqual(Array.from(expected.indices));
      got?.values.forEach((v, j) => {
        expect(Math.abs(v - (expected.values[j] as number)), `input ${i}, value ${j}`).toBeLessThanOrEqual(1e-7);
      });
    });
    expect(fromPython.every((v) => v.indices.length > 0 || v.values.length === 0)).toBe(true);
  });

  it("reproduces a model card's test vectors with `check`, and reports a changed one", () => {
    const model = {
      featurizer: defaultFeaturizerSpec,
      params: initParams(defaultFeaturizerSpec.dims, 2, 1),
      tieThreshold: 0,
    };
    const card = buildModelCard({ model, snapshot: { judgmentCount: 0, cutoff: new Date(0) }, metrics: {} });
    expect(card.reproduce?.testVectors).toEqual(testVectors(defaultFeaturizerSpec));
    expect(card.reproduce?.steps.join("\n")).toContain("hashString(str, seed): h = 0x811c9dc5 XOR seed");
    const dir = mkdtempSync(path.join(tmpdir(), "vibecheck-card-"));
    const file = path.join(dir, "card.json");
    writeFileSync(file, JSON.stringify(card));
    const ok = python(["check", file]);
    expect(ok.stdout.trim(), ok.stderr).toBe("10 of 10 test vectors reproduced");
    expect(ok.status).toBe(0);

    const vectors = card.reproduce?.testVectors ?? [];
    const tampered = {
      ...card,
      reproduce: { ...card.reproduce, testVectors: [{ ...vectors[0], indices: [1] }, ...vectors.slice(1)] },
    };
    writeFileSync(file, JSON.stringify(tampered));
    const bad = python(["check", file]);
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim()).toBe("9 of 10 test vectors reproduced");
  });
});
