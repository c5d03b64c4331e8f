import { db } from "../db";

/**
 * How far the probes of a project went through labeling: the pairs of a probe against a genuine
 * candidate (sendProbesToLabeling puts the probe on side B), the judgments on them, and the share
 * of those where the labeler chose the probe.
 */
export async function probeLabeling(projectId: string) {
  const onProbePairs = { projectId, candidateB: { source: "probe" } };
  const [probes, pairs, judgments, probeChosen] = await Promise.all([
    db().candidate.count({ where: { prompt: { projectId }, source: "probe" } }),
    db().pair.count({ where: onProbePairs }),
    db().judgment.count({ where: { projectId, pair: onProbePairs } }),
    db().judgment.count({ where: { projectId, pair: onProbePairs, choice: "B" } }),
  ]);
  return { probes, pairs, judgments, probeChosen };
}
