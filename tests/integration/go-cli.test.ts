import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGo } from "../../bin/go";
import { ensureGnuGo } from "../setup/gnugo";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vibecheck-go-cli-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function go(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGo(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

// Black owns columns A-B (10 points), White columns D-E (10); C is neutral.
const SPLIT = "XX.OO/XX.OO/XX.OO/XX.OO/XX.OO";

describe("npm run go", () => {
  it("scores a position by Tromp-Taylor area, Black minus White, komi included", async () => {
    expect(await go("score", SPLIT, "--komi", "0.5")).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^-0\.5\tWhite wins by 0\.5 \(W\+0\.5\)/),
    });
    const file = path.join(dir, "finished.sgf");
    // A black wall on column C encloses A-B; the right side touches White's stone too, so is nobody's.
    await writeFile(file, "(;GM[1]FF[4]SZ[5]KM[0]AB[ca:ce]AW[ee];B[aa];W[];B[])");
    expect((await go("score", file)).out).toMatch(/^14\tBlack wins by 14 \(B\+14\)/);
  });

  it("prints Black's win probability with its standard error, reproducibly for a seed", async () => {
    const args = ["winprob", `${SPLIT} W`, "--komi=-5", "--playouts", "200", "--seed", "4"];
    const first = await go(...args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^P\(Black wins\) = [01]\.\d{4} ± 0\.\d{4}\t\(200 playouts, seed 4, White to play, komi -5,/,
    );
    const opening = await go("winprob", "...../...../..X../...../.....", "--to-play", "W", "--playouts", "300");
    const [, p, se] = /= ([\d.]+) ± ([\d.]+)/.exec(opening.out) ?? [];
    expect(Number(p)).toBeGreaterThan(0.3);
    expect(Number(se)).toBeGreaterThan(0.01);
    expect(await go(...args)).toEqual(first);
  });

  it("renders a board to an SVG file", async () => {
    const sgf = path.join(dir, "game.sgf");
    await writeFile(sgf, "(;GM[1]FF[4]SZ[9]KM[7.5];B[ee];W[cc])");
    const out = path.join(dir, "board.svg");
    expect(await go("render", sgf, "--out", out)).toMatchObject({ code: 0, out: `wrote ${out}` });
    const svg = await readFile(out, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain("Last move: White at C7.");
  });

  it("compares truth estimators with GNU Go, by score and by winner, and keeps GNU Go's games in the cache", async () => {
    ensureGnuGo();
    const cache = path.join(dir, "gnugo.json");
    const args = ["truth-compare", "--positions", "8", "--estimators", "random-playouts/v1,gnugo/v1"];
    const first = await go(...args, "--gnugo-level", "1", "--gnugo-cache", cache);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^8 positions \(9x9, seed 1\), (\d+) pairs of candidates of one prompt; gnugo level 1/);
    const pairs = Number(/(\d+) pairs/.exec(first.out)?.[1]);
    const row = (label: string) => {
      const match = new RegExp(`${label} +(\\d+)/(\\d+) = `).exec(first.out);
      return { agreed: Number(match?.[1]), decided: Number(match?.[2]) };
    };
    const byScore = row("random-playouts/v1 vs gnugo/v1");
    const byWinner = row("random-playouts/v1 vs gnugo/v1 winner");
    expect(byScore.decided).toBeLessThanOrEqual(pairs);
    expect(byScore.agreed).toBeLessThanOrEqual(byScore.decided);
    // A pair GNU Go's winners decide, its scores decide the same way: the winner reading decides fewer.
    expect(byWinner.decided).toBeLessThanOrEqual(byScore.decided);
    expect(Object.keys(JSON.parse(await readFile(cache, "utf8")))).toHaveLength(8);
    // The second run reads every game from the cache and prints the same agreements.
    const again = await go(...args, "--gnugo-level", "1", "--gnugo-cache", cache);
    const agreements = (out: string) => out.slice(out.indexOf("pair of estimators"));
    expect(agreements(again.out)).toBe(agreements(first.out));
    expect(again.err).toMatch(/gnugo\/v1: 0\.\d s/);
    expect(await go("truth-compare", "--estimators", "uct/v2,alphago")).toMatchObject({
      code: 2,
      err: expect.stringContaining('--estimators: "alphago" is not one of random-playouts/v1, uct/v2, gnugo/v1'),
    });
  }, 120_000);

  it("reports bad input on stderr with a non-zero exit code", async () => {
    const broken = path.join(dir, "broken.sgf");
    await writeFile(broken, "(;SZ[9];B[ee];W[cc]");
    expect(await go("score", broken)).toMatchObject({ code: 1, out: "", err: expect.stringMatching(/offset 19/) });
    expect(await go("score", "missing.sgf")).toMatchObject({
      code: 1,
      err: expect.stringContaining('no file "missing.sgf"'),
    });
    expect(await go("score", "X./.q")).toMatchObject({
      code: 1,
      err: expect.stringContaining("unknown character 'q'"),
    });
    expect(await go("winprob", SPLIT, "--playouts", "0")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--playouts"),
    });
    expect(await go("frob", SPLIT)).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "frob"') });
    expect(await go("score", `${SPLIT} B`, "--to-play", "W")).toMatchObject({ code: 2 });
  });
});
