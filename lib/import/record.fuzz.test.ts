import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LineRules, parsePromptLine } from "./record";

// Hostile import lines: every line is either a record or a list of problems, each naming a field
// (empty for the line as a whole) and saying what is wrong; parsing never throws.

const RUNS = { numRuns: 400 };
const rules: LineRules[] = [
  { kind: "TEXT", allowTie: true },
  { kind: "TEXT", allowTie: false },
  { kind: "GO", allowTie: true },
];

const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "\ud800", "😀", "<img src=x onerror=alert(1)>", "a".repeat(300)),
);
const candidate = fc.record(
  {
    id: fc.oneof(oddText, fc.integer(), fc.constant(null)),
    text: fc.oneof(oddText, fc.constant(undefined), fc.integer()),
    source: fc.oneof(oddText, fc.constantFrom("human", "probe", "model-a")),
    meta: fc.oneof(fc.object(), fc.constant([]), fc.string()),
    position: fc.oneof(fc.constant("...../...../..X../...../....."), oddText),
    toPlay: fc.constantFrom("B", "W", "Q"),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
/** Lines shaped like import lines, with every field possibly missing, mistyped or odd. */
const nearlyValid = fc
  .record(
    {
      id: fc.oneof(oddText, fc.integer(), fc.constant("p1")),
      prompt: fc.oneof(oddText, fc.constant(null)),
      candidates: fc.oneof(fc.array(candidate, { maxLength: 5 }), fc.anything()),
      meta: fc.anything(),
      gold: fc.oneof(
        fc.array(fc.record({ better: oddText, worse: oddText, a: oddText, b: oddText, answer: oddText }), {
          maxLength: 3,
        }),
        fc.anything(),
      ),
      surprise: fc.anything(),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));
const anyLine = fc.oneof(
  nearlyValid,
  fc.json(),
  fc.string({ unit: "binary", maxLength: 500 }),
  // A valid line cut short or with a byte changed.
  fc
    .tuple(nearlyValid, fc.nat(), fc.string({ unit: "binary", maxLength: 3 }))
    .map(([line, at, insert]) => line.slice(0, at % (line.length + 1)) + insert + line.slice(at % (line.length + 1))),
);

function checkAnswer(line: string, rule: LineRules): void {
  const parsed = parsePromptLine(line, rule);
  if (parsed.record) {
    expect(parsed.problems).toBeUndefined();
    return;
  }
  expect(parsed.problems.length).toBeGreaterThan(0);
  for (const problem of parsed.problems) {
    expect(typeof problem.field).toBe("string");
    expect(problem.message.trim().length).toBeGreaterThan(0);
  }
}

describe("parsePromptLine on hostile lines", () => {
  it("answers a record or problems with a field and a message, never throwing", () => {
    fc.assert(
      fc.property(anyLine, fc.constantFrom(...rules), (line, rule) => checkAnswer(line, rule)),
      RUNS,
    );
  });

  it("names the field of a duplicate candidate id", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ""),
        (id) => {
          const line = JSON.stringify({
            id: "p",
            prompt: "x",
            candidates: [
              { id, text: "a", source: "m" },
              { id, text: "b", source: "m" },
            ],
          });
          const parsed = parsePromptLine(line, { kind: "TEXT", allowTie: true });
          expect(parsed.problems?.map((p) => p.field)).toContain("candidates[1].id");
        },
      ),
      { numRuns: 100 },
    );
  });

  it("answers a huge line (10 MB of text in one field) without throwing", () => {
    const huge = JSON.stringify({ id: "p", prompt: "x".repeat(10_000_000), candidates: [] });
    checkAnswer(huge, { kind: "TEXT", allowTie: true });
    checkAnswer(huge.slice(0, -3), { kind: "TEXT", allowTie: true });
  });
});
