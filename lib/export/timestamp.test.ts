import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseUtcTimestamp } from "./timestamp";

// The fast reader must give exactly the Date (or value) pg's own timestamptz parser gives.
const pgParse = pg.types.getTypeParser(1184) as (text: string) => unknown;
const same = (text: string) =>
  expect(String(parseUtcTimestamp(text).valueOf())).toBe(String((pgParse(text) as Date).valueOf()));

describe("parseUtcTimestamp", () => {
  it("reads every millisecond, with the fraction PostgreSQL prints (trailing zeros dropped), like pg", () => {
    for (let ms = 0; ms < 1000; ms++) {
      const fraction = String(ms).padStart(3, "0").replace(/0+$/, "");
      same(`2026-10-01 12:34:56${fraction ? `.${fraction}` : ""}+00`);
    }
    expect(parseUtcTimestamp("2026-10-01 12:34:56.5+00").toISOString()).toBe("2026-10-01T12:34:56.500Z");
  });
  it("leaves other offsets, years before 100, BC, long fractions and garbage to pg", () => {
    for (const text of [
      "2026-10-01 12:34:56+02",
      "0099-01-01 00:00:00+00",
      "2026-10-01 12:34:56+00 BC",
      "2026-10-01 12:34:56.123456+00",
      "2024-02-29 23:59:59.999+00",
      "1970-01-01 00:00:00+00",
      "20x6-10-01 12:34:56+00",
    ]) {
      same(text);
    }
    expect(parseUtcTimestamp("infinity")).toBe(pgParse("infinity"));
  });
});
