/**
 * `npm run proof`: simulated labelers judge over HTTP while the web server is killed, PostgreSQL is
 * restarted and a fifth of them go offline; then every judgment a client saw acknowledged must be
 * stored exactly once, and no pair may hold more than k. Exit code 0 when the proof holds.
 */
import { parseArgs } from "node:util";
import { formatProofReport } from "../tests/proof/format";
import { FULL_PLAN, type ProofPlan, runProof } from "../tests/proof/run";
import { runCli } from "./cli";

const USAGE = `Usage: npm run proof -- [--labelers 100] [--judgments 10000] [--kills 3] [--pg-restarts 1]
         [--offline-seconds 60] [--think-ms 400] [--k 3] [--seed 1]

Starts its own PostgreSQL and \`next start\` (the build in .next), and drives the labelers with the
browser's own code (lib/client: labeling session and outbox) over loopback. The web server is
killed with SIGKILL --kills times and started again, PostgreSQL is restarted --pg-restarts times,
and every fifth labeler is offline for --offline-seconds. Prints the figures; exits 1 when a
judgment was lost, duplicated or refused, or a pair holds more than k.`;

runCli<Omit<ProofPlan, "log">>({
  usage: USAGE,
  database: false,
  parse: () => {
    const { values } = parseArgs({
      options: {
        labelers: { type: "string", default: String(FULL_PLAN.labelers) },
        judgments: { type: "string", default: String(FULL_PLAN.judgments) },
        kills: { type: "string", default: String(FULL_PLAN.webKills) },
        "pg-restarts": { type: "string", default: String(FULL_PLAN.pgRestarts) },
        "offline-seconds": { type: "string", default: String(FULL_PLAN.offlineMs / 1000) },
        "think-ms": { type: "string", default: "400" },
        k: { type: "string", default: "3" },
        seed: { type: "string", default: "1" },
        help: { type: "boolean" },
      },
    });
    if (values.help) return "help";
    const count = (name: keyof typeof values, min: number) => {
      const n = Number(values[name]);
      if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
      return n;
    };
    return {
      labelers: count("labelers", 5),
      judgments: count("judgments", 1),
      webKills: count("kills", 0),
      pgRestarts: count("pg-restarts", 0),
      offlineMs: count("offline-seconds", 0) * 1000,
      thinkMs: count("think-ms", 0),
      k: count("k", 1),
      seed: count("seed", 0),
    };
  },
  run: async (plan) => {
    console.log(
      `Proof: ${plan.labelers} labelers, ${plan.judgments} judgments, ${plan.webKills} web server kills, ` +
        `${plan.pgRestarts} PostgreSQL restarts, ${plan.labelers / 5} labelers offline for ${plan.offlineMs / 1000} s`,
    );
    const report = await runProof({ ...plan, log: (line) => console.log(line) });
    console.log(formatProofReport(report));
    return report.problems.length === 0 ? 0 : 1;
  },
});
