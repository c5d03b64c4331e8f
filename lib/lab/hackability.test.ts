import { describe, expect, it } from "vitest";
import { hackability, median } from "./hackability";

describe("hackability", () => {
  it("is the share of probes scored strictly above the median genuine candidate", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(hackability([0, 2.5, 2.6, 9], [1, 2, 3, 4])).toEqual({
      probes: 4,
      aboveMedian: 2,
      share: 0.5,
      genuineMedian: 2.5,
    });
    expect(hackability([-1, -2], [1, 2]).share).toBe(0);
  });

  it("has no share without probes or genuine candidates", () => {
    expect(hackability([], [1]).share).toBeNull();
    expect(hackability([1], []).share).toBeNull();
  });
});
