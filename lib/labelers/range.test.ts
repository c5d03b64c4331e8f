import { describe, expect, it } from "vitest";
import { readDateRange } from "./range";

describe("the Labelers page's date filter", () => {
  it("reads UTC days with the end day included", () => {
    const { range, problems } = readDateRange({ from: "2026-12-01", to: "2026-12-03" });
    expect(range.from?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(range.to?.toISOString()).toBe("2026-12-04T00:00:00.000Z");
    expect(problems).toEqual([]);
  });

  it("ignores and reports what is not a date, and leaves empty ends open", () => {
    const { range, from, problems } = readDateRange({ from: "yesterday", to: "" });
    expect(range).toEqual({ from: null, to: null });
    expect(from).toBe("");
    expect(problems).toEqual(['"yesterday" is not a date like 2026-12-31; the start date is ignored.']);
  });
});
