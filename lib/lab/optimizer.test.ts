import { describe, expect, it } from "vitest";
import { hillClimb } from "./optimizer";

// A toy "reward model" that likes the word "shiny" and length, and dislikes "dull": easy to game.
const score = (texts: string[]) =>
  texts.map((t) => {
    const ws = t.split(" ").filter(Boolean);
    return ws.filter((w) => w === "shiny").length * 2 - ws.filter((w) => w === "dull").length + 0.1 * ws.length;
  });
const vocabulary = ["shiny", "dull", "cat", "sea"];

describe("hill-climbing optimizer", () => {
  it("never lets the recorded score decrease, and keeps going while it improves", async () => {
    for (const beam of [1, 3]) {
      const run = await hillClimb({ start: "a dull cat", vocabulary, score, maxSteps: 25, beam, seed: 3 });
      for (let i = 1; i < run.steps.length; i++)
        expect(run.steps[i]?.score).toBeGreaterThan(run.steps[i - 1]?.score ?? Number.POSITIVE_INFINITY);
      expect(run.steps.length).toBeGreaterThan(5);
      expect(run.best.score).toBe(run.steps.at(-1)?.score);
      expect(score([run.best.text])[0]).toBeCloseTo(run.best.score, 12);
      expect(run.best.text).toMatch(/shiny/);
    }
  });

  it("starts from empty text and is reproducible with a seed", async () => {
    const a = await hillClimb({ start: "", vocabulary, score, maxSteps: 10, seed: 9 });
    const b = await hillClimb({ start: "", vocabulary, score, maxSteps: 10, seed: 9 });
    expect(a).toEqual(b);
    expect(a.steps[0]).toMatchObject({ step: 0, text: "", edit: { op: "start" } });
  });

  it("stops at once when no edit helps", async () => {
    const flat = await hillClimb({ start: "x", vocabulary, score: (t) => t.map(() => 1), seed: 1 });
    expect(flat.steps).toHaveLength(1);
  });
});
