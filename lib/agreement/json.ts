import type { Estimate } from "./estimate";
import type { Leaderboard } from "./leaderboard";
import type { AgreementReport } from "./report";

/** The CLI's `--json` shapes (issue 10): snake_case, each statistic as value, ci_low, ci_high, n. */
export type EstimateJson = {
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  reason?: string;
};

export function estimateJson(e: Estimate): EstimateJson {
  return { value: e.value, ci_low: e.ciLow, ci_high: e.ciHigh, n: e.n, ...(e.reason ? { reason: e.reason } : {}) };
}

export function agreementJson(report: AgreementReport) {
  return {
    judgments: report.judgments,
    pairs: report.pairs,
    labelers: report.labelers,
    percent_agreement: estimateJson(report.percentAgreement),
    fleiss_kappa: estimateJson(report.fleissKappa),
    krippendorff_alpha: estimateJson(report.krippendorffAlpha),
    human_ceiling: estimateJson(report.humanCeiling),
    cohen_kappa: report.cohenKappa.map((c) => ({ labeler_a: c.first, labeler_b: c.second, ...estimateJson(c.kappa) })),
  };
}

export function leaderboardJson(board: Leaderboard) {
  return {
    sources: board.sources.map((r) => ({
      source: r.source,
      strength: r.strength,
      ci_low: r.ciLow,
      ci_high: r.ciHigh,
      rank: r.rank,
      wins: r.wins,
      losses: r.losses,
      ties: r.ties,
    })),
    ...(board.reason ? { reason: board.reason } : {}),
  };
}
