import type { Project } from "../generated/prisma/client";
import { type BonOptions, type BonResult, computeBestOfN } from "./bon";
import { saveLabRun } from "./runs";

/** Computes the curve and keeps it as the project's latest "bon" run. */
export async function runBestOfN(project: Project, options: BonOptions = {}): Promise<BonResult> {
  const result = await computeBestOfN(project, options);
  await saveLabRun(project.id, {
    kind: "bon",
    modelVersion: result.model_version,
    params: { ...options },
    result,
    seconds: result.seconds.total,
  });
  return result;
}

/** The documented JSON of `npm run lab -- bon --json` (the stored result carries timings besides). */
export function bonJson(result: BonResult) {
  return {
    model_version: result.model_version,
    positions: result.positions,
    samples: result.samples,
    points: result.points.map((p) => ({ n: p.n, kl: p.kl, proxy: p.proxy, truth: p.truth })),
    fit: result.fit ? { alpha: result.fit.alpha, beta: result.fit.beta, peak_kl: result.fit.peak_kl } : null,
  };
}
