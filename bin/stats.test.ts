import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { agreementJson, agreementReport, leaderboard, leaderboardJson, parseVotes, talliesOf } from "../lib/agreement";

const root = path.resolve(import.meta.dirname, "..");
const fixture = path.join(root, "tests/fixtures/votes.jsonl");
const run = promisify(execFile);
const stats = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "bin/stats.ts", ...args], { cwd: root }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe("npm run stats", () => {
  it("prints the library's agreement figures as JSON", async () => {
    const out = await stats(["agreement", fixture, "--json"]);
    expect(out.code).toBe(0);
    const votes = parseVotes(await readFile(fixture, "utf8"), { sources: false });
    const expected = agreementJson(agreementReport(talliesOf(votes)));
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Object.keys(JSON.parse(out.stdout))).toEqual([
      "judgments",
      "pairs",
      "labelers",
      "percent_agreement",
      "fleiss_kappa",
      "krippendorff_alpha",
      "human_ceiling",
      "cohen_kappa",
    ]);
    expect(expected.fleiss_kappa.value).not.toBeNull();
  });

  it("prints the library's leaderboard as JSON and as a table", async () => {
    const out = await stats(["leaderboard", fixture, "--json"]);
    const board = leaderboard(parseVotes(await readFile(fixture, "utf8"), { sources: true }));
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(leaderboardJson(board))));
    const table = await stats(["leaderboard", fixture]);
    const top = board.sources[0];
    expect(table.stdout).toMatch(new RegExp(`1\\s+${top?.source}\\s+${top?.strength?.toFixed(3)}`));
  });

  it("names the line and field of a bad vote and exits 1", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "stats-"));
    const bad = path.join(dir, "bad.jsonl");
    await writeFile(
      bad,
      `${JSON.stringify({ pair_id: "p", labeler_id: "l", choice: "A" })}\n{"pair_id":"p","labeler_id":"m","choice":"LEFT"}\n`,
    );
    const out = await stats(["agreement", bad]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('Line 2: choice must be A, B, TIE or BOTH_BAD, got "LEFT".');
    const noSource = await stats(["leaderboard", bad]);
    expect(noSource.stderr).toContain("Line 1: source_a is missing");
    expect((await stats(["rank", bad])).code).toBe(2);
  });
});
