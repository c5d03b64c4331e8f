import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ActionableError } from "../../lib/actionable-error";
import { failureSentence } from "./failure";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vibecheck-failure-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("failureSentence", () => {
  it("shows a known problem as it is, with its details in the log file", async () => {
    const sentence = failureSentence(new ActionableError("Port 5 is taken; free it.", "line 1\nline 2"), dir);
    expect(sentence).toBe(`Port 5 is taken; free it (its log is in ${path.join(dir, "start-error.log")}).`);
    expect(await readFile(path.join(dir, "start-error.log"), "utf8")).toContain("line 1\nline 2");
  });

  it("names an unknown failure in one line and keeps its stack out of it, in the log file", async () => {
    const error = new Error("spawn /x/initdb EACCES");
    const sentence = failureSentence(error, dir);
    expect(sentence).toBe(
      `Vibecheck did not start: spawn /x/initdb EACCES; the details are in ${path.join(dir, "start-error.log")}, fix what they name and run npm start again.`,
    );
    expect(sentence).not.toContain("\n");
    expect(await readFile(path.join(dir, "start-error.log"), "utf8")).toContain("at ");
  });
});
