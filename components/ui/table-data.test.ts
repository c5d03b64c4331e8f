import { describe, expect, it } from "vitest";
import { cellCsv, cellSortKey, cellText, toCsv } from "./table-data";

describe("table cells", () => {
  it("shows, sorts and writes an interval cell by its parts", () => {
    const cell = { text: "0.71 (0.65–0.77)", sort: 0.71, csv: "0.71" };
    expect([cellText(cell), cellSortKey(cell), cellCsv(cell)]).toEqual(["0.71 (0.65–0.77)", 0.71, "0.71"]);
  });
  it("shows a missing value as a dash and writes it empty", () => {
    expect([cellText(null), cellSortKey(null), cellCsv(null)]).toEqual(["—", null, ""]);
  });
  it("quotes CSV fields with commas, quotes and line breaks", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["line\nbreak", "plain"],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });
});
