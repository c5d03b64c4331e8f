import { describe, expect, it } from "vitest";
import { cleanCrowd, crowdProfiles, decide, type LabelerProfile, leftProbability, sigmoid } from "./choice";
import { latentUtility } from "./utility";

const honest: LabelerProfile = { index: 0, spammer: false, temperature: 2, positionBias: 0.5 };

describe("the simulated labelers' choice model", () => {
  it("picks left with probability σ((u_left − u_right + b) / T)", () => {
    expect(leftProbability(honest, 1, 0)).toBeCloseTo(sigmoid(1.5 / 2), 12);
    expect(leftProbability(honest, 0, 0.5)).toBeCloseTo(0.5, 12);
    expect(leftProbability({ ...honest, spammer: true }, 10, 0)).toBe(0.5);
    expect(leftProbability({ ...honest, temperature: 0 }, 0, 0.4)).toBe(1);
    expect(leftProbability({ ...honest, temperature: 0 }, 0, 0.6)).toBe(0);
  });

  it("answers with the modelled frequency, the same way every time for the same seed, labeler and order", () => {
    const left = (i: number) => ({ id: `l${i}`, utility: 0.3 });
    const right = (i: number) => ({ id: `r${i}`, utility: 0 });
    let picks = 0;
    for (let i = 0; i < 4000; i++) picks += decide(honest, 7, left(i), right(i)).side === "left" ? 1 : 0;
    expect(picks / 4000).toBeGreaterThan(sigmoid(0.4) - 0.03);
    expect(picks / 4000).toBeLessThan(sigmoid(0.4) + 0.03);
    expect(decide(honest, 7, left(1), right(1))).toEqual(decide(honest, 7, left(1), right(1)));
  });

  it("makes round(share × labelers) spammers, none with --clean", () => {
    const model = { labelers: 20, temperature: 1, positionBias: 0.2, spammers: 0.25, seed: 3 };
    expect(crowdProfiles(model).filter((p) => p.spammer)).toHaveLength(5);
    expect(crowdProfiles(cleanCrowd(model)).every((p) => !p.spammer && p.positionBias === 0)).toBe(true);
    expect(() => crowdProfiles({ ...model, spammers: 2 })).toThrow(/spammers/);
  });

  it("reads meta.utility, else draws a utility that depends on the candidate id only", () => {
    expect(latentUtility("c1", { utility: 2.5 })).toBe(2.5);
    expect(latentUtility("c1", {})).toBe(latentUtility("c1", { utility: "high" }));
    expect(latentUtility("c1", null)).not.toBe(latentUtility("c2", null));
  });
});
