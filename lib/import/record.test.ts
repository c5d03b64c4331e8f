import { describe, expect, it } from "vitest";
import { parsePromptLine } from "./record";

const text = { kind: "TEXT", allowTie: true } as const;
const candidates = [
  { id: "c1", text: "one", source: "model-a" },
  { id: "c2", text: "two", source: "model-b" },
];

function problems(line: string, rules: { kind: "TEXT" | "GO"; allowTie: boolean } = text) {
  return parsePromptLine(line, rules).problems ?? [];
}

describe("parsePromptLine", () => {
  it("reads a prompt, defaulting meta and gold", () => {
    const parsed = parsePromptLine(JSON.stringify({ id: "p1", prompt: "Write", candidates }), text);
    expect(parsed.record).toEqual({
      id: "p1",
      prompt: "Write",
      meta: {},
      candidates: candidates.map((c) => ({ ...c, meta: {} })),
      gold: [],
    });
  });

  it.each([
    ['{"id": "p1", "prompt": }', 'unexpected "}" at column 24'],
    ['{"id": "p1" "prompt": "x"}', "column 13"],
    ['{"id": "p1", "prompt": "x', "unterminated string (opened at column 24)"],
    ['{"id": "p1"}}', 'unexpected "}" after the end of the JSON value at column 13'],
    ["[1, 2", "column 6"],
    ["{'id': 1}", "column 2"],
  ])("names where %s stops being JSON", (line, where) => {
    const [problem] = problems(line);
    expect(problem?.field).toBe("");
    expect(problem?.message).toMatch(/^not valid JSON \(/);
    expect(problem?.message).toContain(where);
  });

  it("refuses the sources Vibecheck reserves for itself, naming the field", () => {
    const line = JSON.stringify({
      id: "p1",
      prompt: "Write",
      candidates: [
        { id: "c1", text: "one", source: "human" },
        { id: "c2", text: "two", source: " Probe" },
      ],
    });
    expect(problems(line)).toEqual([
      { field: "candidates[0].source", message: expect.stringMatching(/^"human" is reserved for responses written/) },
      { field: "candidates[1].source", message: expect.stringMatching(/^" Probe" is reserved for adversarial/) },
    ]);
    const humane = JSON.stringify({
      id: "p1",
      prompt: "Write",
      candidates: [...candidates, { ...candidates[0], id: "c3", source: "human-edited" }],
    });
    expect(problems(humane)).toEqual([]);
  });

  it("reports every problem of a line with its field", () => {
    const line = JSON.stringify({
      id: "",
      prompt: ["x"],
      meta: [],
      candidates: [{ id: "c1", text: "ok", source: "" }, "c2", { id: "c1", text: "ok", source: "m", extra: 1 }],
      gold: [{ better: "c1", worse: "c1" }, { a: "c1", b: "c7", answer: "maybe" }, { winner: "c1" }],
    });
    expect(problems(line)).toEqual([
      { field: "id", message: "expected a non-empty string, got an empty string" },
      { field: "prompt", message: "expected a non-empty string, got an array" },
      { field: "meta", message: "expected an object, got an array" },
      { field: "candidates[0].source", message: "expected a non-empty string, got an empty string" },
      { field: "candidates[1]", message: "expected an object with id, text and source, got a string" },
      {
        field: "candidates[2].extra",
        message: expect.stringContaining("unknown field (allowed: id, text, source, meta)"),
      },
      { field: "candidates[2].id", message: 'duplicate candidate id "c1" (first at candidates[0])' },
      { field: "gold[0]", message: 'compares candidate "c1" with itself' },
      { field: "gold[1].answer", message: 'expected "A", "B" or "TIE", got a string' },
      { field: "gold[2]", message: expect.stringContaining('expected {"better": id, "worse": id}') },
    ]);
  });

  it("normalizes gold entries to a, b and an answer", () => {
    const gold = [
      { better: "c2", worse: "c1" },
      { a: "c1", b: "c3", answer: "TIE" },
    ];
    const three = [...candidates, { id: "c3", text: "three", source: "model-c" }];
    const parsed = parsePromptLine(JSON.stringify({ id: "p", prompt: "x", candidates: three, gold }), text);
    expect(parsed.record?.gold).toEqual([
      { a: "c2", b: "c1", answer: "A" },
      { a: "c1", b: "c3", answer: "TIE" },
    ]);
  });

  it("refuses a tie as a gold answer where the project has no tie button", () => {
    const line = JSON.stringify({ id: "p", prompt: "x", candidates, gold: [{ a: "c1", b: "c2", answer: "TIE" }] });
    expect(problems(line, { kind: "TEXT", allowTie: false })).toEqual([
      { field: "gold[0].answer", message: expect.stringContaining("does not allow ties") },
    ]);
  });

  it("says board candidates need a GO project", () => {
    const board = [candidates[0], { id: "c2", position: "…", source: "katago" }];
    const line = JSON.stringify({ id: "p", prompt: "x", candidates: board });
    expect(problems(line)[0]?.message).toContain("board candidates need a GO project");
  });

  it("reads board candidates in a GO project, from SGF or a position string", () => {
    const go = { kind: "GO", allowTie: true } as const;
    const boards = [
      { id: "sgf", board: { sgf: "(;SZ[5]KM[0.5];B[cc];W[bb])" } },
      { id: "pos", position: "...../...../..X../.O.../.....", toPlay: "B", lastMove: "B2", source: "policy" },
    ];
    const parsed = parsePromptLine(JSON.stringify({ id: "p", prompt: "x", candidates: boards }), go);
    expect(parsed.problems).toBeUndefined();
    expect(parsed.record?.candidates).toEqual([
      {
        id: "sgf",
        text: "...../.O.../..X../...../..... B",
        source: "import",
        meta: {},
        board: { size: 5, komi: 0.5, toPlay: "B", position: "...../.O.../..X../...../.....", lastMove: { x: 1, y: 1 } },
      },
      {
        id: "pos",
        text: "...../...../..X../.O.../..... B",
        source: "policy",
        meta: {},
        board: { size: 5, komi: 7.5, toPlay: "B", position: "...../...../..X../.O.../.....", lastMove: { x: 1, y: 3 } },
      },
    ]);
  });

  it("names the field and the place of every board problem in a GO project", () => {
    const go = { kind: "GO", allowTie: true } as const;
    const boards = [
      { id: "a", board: { sgf: "(;SZ[5];B[cc]" } },
      { id: "b", position: "XO/O." },
      { id: "c", position: "../..", toPlay: "B", lastMove: "A1" },
      { id: "d", text: "a poem" },
    ];
    expect(problems(JSON.stringify({ id: "p", prompt: "x", candidates: boards }), go)).toEqual([
      {
        field: "candidates[0].board.sgf",
        message: expect.stringMatching(/^SGF error at offset 13 .*expected ';', '\(' or '\)'/),
      },
      { field: "candidates[1].toPlay", message: expect.stringContaining("say who moves next") },
      { field: "candidates[2].lastMove", message: expect.stringContaining("A1 holds no white stone") },
      { field: "candidates[3].text", message: expect.stringContaining("GO projects take board candidates") },
      { field: "candidates[3]", message: expect.stringContaining("missing the board") },
    ]);
  });

  it("refuses boards of different sizes on one line", () => {
    const go = { kind: "GO", allowTie: true } as const;
    const boards = [
      { id: "a", position: "../.. W" },
      { id: "b", position: "X../.../...", toPlay: "W" },
    ];
    expect(problems(JSON.stringify({ id: "p", prompt: "x", candidates: boards }), go)).toEqual([
      { field: "candidates[1]", message: expect.stringContaining("a 3x3 board, but candidates[0] is 2x2") },
    ]);
  });

  it("refuses NUL characters, which PostgreSQL cannot store", () => {
    const line = JSON.stringify({ id: "p", prompt: "a\u0000b", candidates });
    expect(problems(line)).toEqual([{ field: "prompt", message: expect.stringContaining("NUL") }]);
  });
});
