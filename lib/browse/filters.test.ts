import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { dayRange, judgmentFilterQuery, readJudgmentFilters } from "./filters";

describe("judgment filters from the address", () => {
  it("reads every filter and writes the same query back", () => {
    const { filters, problems } = readJudgmentFilters({
      labeler: " ada@example.com ",
      choice: "TIE",
      rationale: "with",
      gold: "exclude",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      labeler: "ada@example.com",
      choice: "TIE",
      rationale: "with",
      gold: "exclude",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(judgmentFilterQuery(filters)).toBe(
      "labeler=ada%40example.com&choice=TIE&rationale=with&gold=exclude&from=2026-11-01&to=2026-11-30",
    );
  });

  it("leaves out what it does not understand and says so in the form's words", () => {
    const { filters, problems } = readJudgmentFilters({
      choice: "LEFT",
      from: "yesterday",
      to: "2026-02-30",
      after: "x",
    });
    expect(filters).toEqual({});
    expect(problems).toEqual([
      'Choice must be A, B, TIE or BOTH_BAD, not "LEFT".',
      'From must be a date like 2026-11-29, not "yesterday".',
      'To must be a date like 2026-11-29, not "2026-02-30".',
      "The page position in the address is damaged; showing the first page.",
    ]);
  });

  it("names a reversed range", () => {
    const { problems } = readJudgmentFilters({ from: "2026-11-30", to: "2026-11-01" });
    expect(problems).toEqual(["From (2026-11-30) is after To (2026-11-01): no day is in that range; swap them."]);
  });

  it("turns a day range into a half-open UTC instant range that includes the whole last day", () => {
    expect(dayRange({ from: "2026-11-01", to: "2026-11-01" })).toEqual({
      since: new Date("2026-11-01T00:00:00.000Z"),
      until: new Date("2026-11-02T00:00:00.000Z"),
    });
  });
});

describe("keyset cursors", () => {
  it("round-trips a row position to the millisecond", () => {
    const row = { createdAt: new Date("2026-11-29T10:11:12.345Z"), id: "0b9d…|not-a-uuid" };
    expect(decodeCursor(encodeCursor({ ...row, id: "abc-123" }))).toEqual({ ...row, id: "abc-123" });
  });

  it("refuses what it did not write", () => {
    expect(decodeCursor("bm9wZQ")).toBeNull();
    expect(decodeCursor(Buffer.from("2026-13-01T00:00:00.000Z|id").toString("base64url"))).toBeNull();
  });
});
