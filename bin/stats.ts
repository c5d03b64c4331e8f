import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  agreementJson,
  agreementReport,
  describeEstimate,
  leaderboard,
  leaderboardJson,
  parseVotes,
  talliesOf,
} from "../lib/agreement";
import { runCli } from "./cli";

const USAGE = `Usage: npm run stats -- agreement <votes.jsonl> [--json] [--rounds 1000] [--seed N]
       npm run stats -- leaderboard <votes.jsonl> [--json] [--rounds 1000] [--seed N]

Reads a raw-votes file (one JSON object per line: pair_id, labeler_id, choice = A|B|TIE|BOTH_BAD,
and for the leaderboard source_a, source_b) and prints the same figures as the project's Agreement
and Leaderboard pages, each with its 95% bootstrap interval and the count it rests on.
  agreement     percent agreement, Fleiss' κ, Krippendorff's α, the human ceiling, Cohen's κ
  leaderboard   Bradley–Terry strengths of the sources (natural log, centred to 0)
  --json        one JSON object instead of a table
  --rounds N    bootstrap rounds                                                  default 1000
  --seed N      bootstrap seed (the pages use the default)`;

type Args = { command: "agreement" | "leaderboard"; file: string; json: boolean; rounds?: number; seed?: number };

runCli<Args>({
  usage: USAGE,
  database: false,
  parse,
  run: async (args) => {
    const text = readFileSync(args.file, "utf8");
    const options = {
      ...(args.rounds ? { rounds: args.rounds } : {}),
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
    };
    if (args.command === "agreement") {
      const report = agreementReport(talliesOf(parseVotes(text, { sources: false })), options);
      if (args.json) console.log(JSON.stringify(agreementJson(report)));
      else {
        console.log(`${report.judgments} judgments on ${report.pairs} pairs by ${report.labelers} labelers`);
        const rows: [string, string][] = [
          ["Percent agreement", describeEstimate(report.percentAgreement)],
          ["Fleiss' κ", describeEstimate(report.fleissKappa)],
          ["Krippendorff's α", describeEstimate(report.krippendorffAlpha)],
          ["Human ceiling", describeEstimate(report.humanCeiling)],
          ...report.cohenKappa.map((c): [string, string] => [
            `Cohen's κ ${c.first} × ${c.second}`,
            describeEstimate(c.kappa),
          ]),
        ];
        const width = Math.max(...rows.map(([name]) => name.length));
        for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
      }
    } else {
      const board = leaderboard(parseVotes(text, { sources: true }), options);
      if (args.json) console.log(JSON.stringify(leaderboardJson(board)));
      else {
        if (board.reason) console.log(board.reason);
        const num = (x: number | null) => (x === null ? "—" : x.toFixed(3));
        const header = ["rank", "source", "strength", "95% CI", "wins", "losses", "ties"];
        const rows = board.sources.map((r) => [
          String(r.rank),
          r.source,
          num(r.strength),
          r.ciLow === null ? "—" : `${num(r.ciLow)} – ${num(r.ciHigh)}`,
          String(r.wins),
          String(r.losses),
          String(r.ties),
        ]);
        const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
        for (const row of [header, ...rows])
          console.log(`  ${row.map((cell, k) => cell.padEnd(widths[k] ?? 0)).join("  ")}`);
      }
    }
    return 0;
  },
});

function parse(): Args | "help" {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      rounds: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return "help";
  const [command, file, ...rest] = positionals;
  if (command !== "agreement" && command !== "leaderboard")
    throw new Error(`Unknown command ${JSON.stringify(command ?? "")}.`);
  if (!file) throw new Error("Give the raw-votes file.");
  if (rest.length > 0) throw new Error(`Unexpected argument ${rest[0]}.`);
  const count = (name: string, value: string | undefined, min: number) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number from ${min}.`);
    return n;
  };
  const rounds = count("rounds", values.rounds, 1);
  const seed = count("seed", values.seed, 0);
  return {
    command,
    file,
    json: values.json ?? false,
    ...(rounds ? { rounds } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}
