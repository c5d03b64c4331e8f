import { describe, expect, it } from "vitest";
import { exposureProblem, isLoopback } from "./exposure";

describe("isLoopback", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])("%s only serves this machine", (host) => {
    expect(isLoopback(host)).toBe(true);
  });

  it.each(["0.0.0.0", "::", "10.0.0.5", "example.com", "128.0.0.1"])("%s serves other machines", (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});

describe("exposureProblem", () => {
  it("refuses a public address while demo accounts still have the published password, saying what to do", () => {
    const problem = exposureProblem("0.0.0.0", ["admin@vibecheck.local"]);
    expect(problem).toContain("HOST=0.0.0.0 would let other machines sign in as admin@vibecheck.local");
    expect(problem).toContain("npm start -- --lock-demo");
    expect(problem?.split(". ")).toHaveLength(1);
  });

  it("allows a public address once no demo account has the published password", () => {
    expect(exposureProblem("0.0.0.0", [])).toBeNull();
  });

  it("allows loopback with the demo accounts as they are", () => {
    expect(exposureProblem("127.0.0.1", ["admin@vibecheck.local"])).toBeNull();
  });
});
