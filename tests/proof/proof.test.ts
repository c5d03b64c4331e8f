import { expect, test } from "vitest";
import { formatProofReport } from "./format";
import { runProof, SHORT_PLAN } from "./run";

// The short version of `npm run proof`: the same run, smaller (20 labelers, 1,000 judgments, one
// SIGKILL of the web server, one PostgreSQL restart, 4 labelers offline for 10 s).
test("no judgment is lost, duplicated or refused through a web server kill, a PostgreSQL restart and a network drop", async () => {
  const lines: string[] = [];
  const report = await runProof({ ...SHORT_PLAN, thinkMs: 400, k: 3, seed: 7, log: (line) => lines.push(line) });
  console.log(formatProofReport(report));
  expect(report.problems).toEqual([]);
  expect(report.acknowledged).toBe(SHORT_PLAN.judgments);
  expect(report.stored).toBe(SHORT_PLAN.judgments);
  expect(report.lost + report.duplicated + report.unacknowledged + report.refused).toBe(0);
  expect(report.maxPerPair).toBeLessThanOrEqual(3);
  // The faults happened: the server was killed and PostgreSQL restarted while labelers worked.
  expect(report.webOutages).toHaveLength(SHORT_PLAN.webKills);
  expect(report.pgOutages).toHaveLength(SHORT_PLAN.pgRestarts);
  expect(report.failedRequests).toBeGreaterThan(0);
}, 900_000);
