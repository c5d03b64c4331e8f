import type { ProjectKind } from "../db";
import type { BoardState } from "../go/state";
import { BOARD_FIELDS, boardContent } from "./board";
import { describeJsonError } from "./json-error";

/**
 * One line of an import file: a prompt with its candidates.
 *
 * {"id": "p1", "prompt": "…", "meta": {…},
 *  "candidates": [{"id": "c1", "text": "…", "source": "model-a", "meta": {…}}, …],
 *  "gold": [{"better": "c1", "worse": "c3"}, {"a": "c2", "b": "c4", "answer": "TIE"}]}
 *
 * In GO projects a candidate is a board instead of a text (see ./board.ts):
 * {"id": "c1", "board": {"sgf": "(;SZ[9]…)"}} or {"id": "c1", "position": "X.O/…", "toPlay": "B"}.
 *
 * Unknown fields are rejected, at the top level and in candidates and gold entries: a typo such as
 * "canidates" or "metadata" must not make data silently vanish.
 */
export type JsonObject = Record<string, unknown>;

export type CandidateRecord = {
  id: string;
  text: string;
  source: string;
  meta: JsonObject;
  /** GO projects: the board; `text` is then its compact position string. */
  board?: BoardState;
};

/** A known answer about two candidates of the same line, by candidate id: `a` is better ("A"), `b` ("B"), or a tie. */
export type GoldRecord = { a: string; b: string; answer: "A" | "B" | "TIE" };

export type PromptRecord = {
  id: string;
  prompt: string;
  meta: JsonObject;
  candidates: CandidateRecord[];
  gold: GoldRecord[];
};

/** What of the project decides whether a line is valid. */
export type LineRules = { kind: ProjectKind; allowTie: boolean };

export type FieldProblem = { field: string; message: string };

export type ParsedLine =
  | { record: PromptRecord; problems?: undefined }
  | { record?: undefined; problems: FieldProblem[] };

const PROMPT_FIELDS = ["id", "prompt", "candidates", "meta", "gold"];
const CANDIDATE_FIELDS = ["id", "text", "source", "meta"];
/** Board candidates may leave out `source`: a position often has no model behind it. */
export const DEFAULT_BOARD_SOURCE = "import";
/** Sources Vibecheck writes itself, so an import cannot pass candidates off as one of them. */
const RESERVED_SOURCES = new Map([
  ["human", "responses written by labelers in Vibecheck"],
  ["probe", "adversarial candidates made by Vibecheck"],
]);
const GOLD_PREFERENCE_FIELDS = ["better", "worse"];
const GOLD_ANSWER_FIELDS = ["a", "b", "answer"];
const GOLD_ANSWERS = ["A", "B", "TIE"] as const;

export const MAX_ID_LENGTH = 256;
// All pairs of a prompt are enumerated when planning: 100 candidates are 4,950 pairs.
export const MAX_CANDIDATES = 100;

export function parsePromptLine(text: string, rules: LineRules): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ field: "", message: `not valid JSON (${describeJsonError(text, String(error))})` }] };
  }
  if (!isObject(value)) {
    const message = `expected a JSON object such as {"id": …, "prompt": …, "candidates": […]}, got ${kindOf(value)}`;
    return { problems: [{ field: "", message }] };
  }
  const problems: FieldProblem[] = [];
  unknownFields(value, PROMPT_FIELDS, "", problems);
  const id = idField(value.id, "id", problems);
  const prompt = textField(value.prompt, "prompt", problems);
  const meta = metaField(value.meta, "meta", problems);
  const candidates = candidatesField(value.candidates, rules, problems);
  const gold = goldField(value.gold, rawCandidateIds(value.candidates), rules, problems);
  if (problems.length > 0 || id === undefined || prompt === undefined || !candidates) return { problems };
  return { record: { id, prompt, meta, candidates, gold } };
}

function candidatesField(value: unknown, rules: LineRules, problems: FieldProblem[]): CandidateRecord[] | undefined {
  if (value === undefined)
    return void problems.push({ field: "candidates", message: "missing (expected an array of at least 2 candidates)" });
  if (!Array.isArray(value)) {
    return void problems.push({
      field: "candidates",
      message: `expected an array of at least 2 candidates, got ${kindOf(value)}`,
    });
  }
  if (value.length < 2) {
    problems.push({ field: "candidates", message: `expected at least 2 candidates to compare, got ${value.length}` });
  }
  if (value.length > MAX_CANDIDATES) {
    problems.push({
      field: "candidates",
      message: `at most ${MAX_CANDIDATES} candidates per prompt, got ${value.length}`,
    });
  }
  const candidates: CandidateRecord[] = [];
  const firstIndex = new Map<string, number>();
  let firstBoard: { index: number; size: number } | undefined;
  for (const [index, raw] of (value as unknown[]).entries()) {
    const field = `candidates[${index}]`;
    if (!isObject(raw)) {
      problems.push({ field, message: `expected an object with id, text and source, got ${kindOf(raw)}` });
      continue;
    }
    unknownFields(raw, [...CANDIDATE_FIELDS, ...BOARD_FIELDS], field, problems, rules.kind);
    const id = idField(raw.id, `${field}.id`, problems);
    if (id !== undefined) {
      const first = firstIndex.get(id);
      if (first !== undefined) {
        problems.push({
          field: `${field}.id`,
          message: `duplicate candidate id ${JSON.stringify(id)} (first at candidates[${first}])`,
        });
      } else firstIndex.set(id, index);
    }
    const content = candidateContent(raw, field, rules, problems);
    const isBoard = rules.kind === "GO" || BOARD_FIELDS.some((name) => name in raw);
    const source =
      isBoard && raw.source === undefined ? DEFAULT_BOARD_SOURCE : textField(raw.source, `${field}.source`, problems);
    const reserved = source === undefined ? undefined : RESERVED_SOURCES.get(source.trim().toLowerCase());
    if (reserved) {
      problems.push({
        field: `${field}.source`,
        message: `${JSON.stringify(source)} is reserved for ${reserved}; name the model or author of this candidate instead`,
      });
    }
    const meta = metaField(raw.meta, `${field}.meta`, problems);
    if (content?.board) {
      firstBoard ??= { index, size: content.board.size };
      sameBoardSize(content.board.size, firstBoard, field, problems);
    }
    if (id !== undefined && content !== undefined && source !== undefined) {
      candidates.push({ id, ...content, source, meta });
    }
  }
  return candidates;
}

/** What a candidate shows: a text in TEXT projects, a board in GO projects. */
function candidateContent(
  raw: JsonObject,
  field: string,
  rules: LineRules,
  problems: FieldProblem[],
): { text: string; board?: BoardState } | undefined {
  if (rules.kind === "GO") return boardContent(raw, field, problems);
  const board = BOARD_FIELDS.find((name) => name in raw);
  if (board !== undefined) {
    const message = "board candidates need a GO project; this project is TEXT, so give a text";
    problems.push({ field: `${field}.${board}`, message });
    return undefined;
  }
  const text = textField(raw.text, `${field}.text`, problems);
  return text === undefined ? undefined : { text };
}

/** Boards of different sizes cannot be compared as "the better position". */
function sameBoardSize(
  size: number,
  first: { index: number; size: number },
  field: string,
  problems: FieldProblem[],
): void {
  if (size === first.size) return;
  problems.push({
    field,
    message: `a ${size}x${size} board, but candidates[${first.index}] is ${first.size}x${first.size}; every candidate of a prompt must have the same board size`,
  });
}

// Gold entries may name any candidate id on the line, even one whose other fields have problems
// (those are reported on their own).
function rawCandidateIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(value)) for (const raw of value) if (isObject(raw) && typeof raw.id === "string") ids.add(raw.id);
  return ids;
}

function goldField(value: unknown, ids: Set<string>, rules: LineRules, problems: FieldProblem[]): GoldRecord[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ field: "gold", message: `expected an array of {"better": id, "worse": id}, got ${kindOf(value)}` });
    return [];
  }
  const seen = new Map<string, number>();
  const gold: GoldRecord[] = [];
  for (const [index, raw] of (value as unknown[]).entries()) {
    const field = `gold[${index}]`;
    const entry = goldEntry(raw, field, rules, problems);
    if (!entry) continue;
    let known = true;
    for (const [name, id] of entry.named) {
      if (!ids.has(id)) {
        known = false;
        problems.push({
          field: `${field}.${name}`,
          message: `no candidate with id ${JSON.stringify(id)} on this line`,
        });
      }
    }
    const { a, b } = entry.gold;
    if (a === b) {
      problems.push({ field, message: `compares candidate ${JSON.stringify(a)} with itself` });
      continue;
    }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        field,
        message: `candidates ${JSON.stringify(a)} and ${JSON.stringify(b)} are already a gold pair (gold[${first}])`,
      });
      continue;
    }
    seen.set(key, index);
    if (known) gold.push(entry.gold);
  }
  return gold;
}

function goldEntry(raw: unknown, field: string, rules: LineRules, problems: FieldProblem[]) {
  const shape = `{"better": id, "worse": id} or {"a": id, "b": id, "answer": "TIE"}`;
  if (!isObject(raw)) return void problems.push({ field, message: `expected ${shape}, got ${kindOf(raw)}` });
  if ("better" in raw || "worse" in raw) {
    const before = problems.length;
    unknownFields(raw, GOLD_PREFERENCE_FIELDS, field, problems);
    const better = idField(raw.better, `${field}.better`, problems);
    const worse = idField(raw.worse, `${field}.worse`, problems);
    if (better === undefined || worse === undefined || problems.length > before) return undefined;
    const gold: GoldRecord = { a: better, b: worse, answer: "A" };
    return {
      gold,
      named: [
        ["better", better],
        ["worse", worse],
      ] as const,
    };
  }
  if ("a" in raw || "b" in raw || "answer" in raw) {
    const before = problems.length;
    unknownFields(raw, GOLD_ANSWER_FIELDS, field, problems);
    const a = idField(raw.a, `${field}.a`, problems);
    const b = idField(raw.b, `${field}.b`, problems);
    const answer = GOLD_ANSWERS.find((x) => x === raw.answer);
    if (!answer)
      problems.push({ field: `${field}.answer`, message: `expected "A", "B" or "TIE", got ${kindOf(raw.answer)}` });
    if (answer === "TIE" && !rules.allowTie) {
      problems.push({
        field: `${field}.answer`,
        message: "this project does not allow ties, so a TIE gold pair could never be answered right",
      });
    }
    if (a === undefined || b === undefined || !answer || problems.length > before) return undefined;
    return {
      gold: { a, b, answer },
      named: [
        ["a", a],
        ["b", b],
      ] as const,
    };
  }
  return void problems.push({ field, message: `expected ${shape}` });
}

function idField(value: unknown, field: string, problems: FieldProblem[]): string | undefined {
  const id = textField(value, field, problems);
  if (id !== undefined && id.length > MAX_ID_LENGTH) {
    problems.push({ field, message: `ids are at most ${MAX_ID_LENGTH} characters, this one has ${id.length}` });
    return undefined;
  }
  return id;
}

function textField(value: unknown, field: string, problems: FieldProblem[]): string | undefined {
  if (value === undefined) return void problems.push({ field, message: "missing (expected a non-empty string)" });
  if (typeof value !== "string" || value.trim() === "") {
    return void problems.push({ field, message: `expected a non-empty string, got ${kindOf(value)}` });
  }
  // PostgreSQL text cannot hold NUL; caught here so that it is a line error, not a failed transaction.
  if (value.includes("\u0000"))
    return void problems.push({ field, message: "contains a NUL character (\\u0000), which cannot be stored" });
  return value;
}

function metaField(value: unknown, field: string, problems: FieldProblem[]): JsonObject {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.push({ field, message: `expected an object, got ${kindOf(value)}` });
    return {};
  }
  if (JSON.stringify(value).includes("\\u0000")) {
    problems.push({ field, message: "contains a NUL character (\\u0000), which cannot be stored" });
  }
  return value;
}

function unknownFields(
  value: JsonObject,
  allowed: string[],
  at: string,
  problems: FieldProblem[],
  kind: ProjectKind = "TEXT",
): void {
  for (const name of Object.keys(value)) {
    if (allowed.includes(name)) continue;
    const field = at ? `${at}.${name}` : name;
    // Each kind lists what it takes: board fields are recognized in TEXT projects only to explain them.
    const visible = allowed.filter((a) => (kind === "GO" ? a !== "text" : !BOARD_FIELDS.includes(a)));
    problems.push({ field, message: `unknown field (allowed: ${visible.join(", ")}); check the spelling` });
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.trim() === "" ? "an empty string" : "a string";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
