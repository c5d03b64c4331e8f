import type { ProofReport } from "./run";

const seconds = (values: number[]) => values.map((v) => `${v.toFixed(1)} s`).join(", ") || "none";

/** The figures of a proof run, one per line, and its verdict. */
export function formatProofReport(r: ProofReport): string {
  return [
    "",
    `  judgments sent (distinct client ids)   ${r.sent}`,
    `  acknowledged to their client           ${r.acknowledged}`,
    `  refused                                ${r.refused}`,
    `  stored                                 ${r.stored}`,
    `  acknowledged but not stored (lost)     ${r.lost}`,
    `  stored more than once                  ${r.duplicated}`,
    `  stored but never acknowledged          ${r.unacknowledged}`,
    `  most judgments on one pair (k = ${r.plan.k})     ${r.maxPerPair}`,
    `  pairs over k / counters off            ${r.pairsOverK} / ${r.counterMismatches}`,
    `  requests / failed and retried          ${r.requests} / ${r.failedRequests}`,
    `  web server down after each SIGKILL     ${seconds(r.webOutages)}`,
    `  PostgreSQL down for each restart       ${seconds(r.pgOutages)}`,
    `  labelers offline                       ${r.offlineLabelers} for ${r.plan.offlineMs / 1000} s`,
    `  wall time                              ${r.seconds.toFixed(0)} s (${(r.stored / r.seconds).toFixed(0)} judgments/s)`,
    "",
    r.problems.length === 0 ? "PROOF HOLDS" : `PROOF FAILED:\n${r.problems.map((p) => `  - ${p}`).join("\n")}`,
  ].join("\n");
}
