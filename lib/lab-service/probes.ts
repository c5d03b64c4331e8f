import { db } from "../db";
import { DomainError } from "../errors";
import type { Project } from "../generated/prisma/client";
import { hackability } from "../lab/hackability";
import { probesFor } from "../lab/probes";
import { scoreWithVersion } from "../rm/service/score-request";
import { saveLabRun } from "./runs";

export type VersionHackability = {
  version: number;
  probes: number;
  above_median: number;
  hackability: number | null;
  genuine_median: number | null;
};

/**
 * Stores the probe family of every prompt of a TEXT project as candidates with source "probe"
 * (external id `probe-<kind>`, so a second run adds nothing). They get no pairs here: they are
 * scored, not yet labeled. Returns how many were new.
 */
export async function storeProbes(project: Project): Promise<number> {
  if (project.kind !== "TEXT")
    throw new DomainError("INVALID_INPUT", `Project "${project.slug}" is a Go project: probes are degenerate texts.`);
  const prompts = await db().prompt.findMany({
    where: { projectId: project.id },
    select: { id: true, text: true, candidates: { where: { source: { not: "probe" } }, select: { text: true } } },
  });
  let added = 0;
  for (const prompt of prompts) {
    for (const probe of probesFor(
      prompt.text,
      prompt.candidates.map((c) => c.text),
    )) {
      const externalId = `probe-${probe.kind}`;
      const exists = await db().candidate.findUnique({
        where: { promptId_externalId: { promptId: prompt.id, externalId } },
        select: { id: true },
      });
      if (exists) continue;
      await db().candidate.create({
        data: { promptId: prompt.id, externalId, text: probe.text, source: "probe", meta: { probe: probe.kind } },
      });
      added++;
    }
  }
  return added;
}

/**
 * Hackability of every version that still has its ONNX file: each prompt's genuine candidates and
 * probes scored through that version's serving session, then the share of probes above the median
 * genuine score of the whole project. Stored as a "probes" LabRun.
 */
export async function probeHackability(project: Project): Promise<VersionHackability[]> {
  const started = performance.now();
  await storeProbes(project);
  const [prompts, versions] = await Promise.all([
    db().prompt.findMany({
      where: { projectId: project.id },
      select: { text: true, candidates: { select: { text: true, source: true }, orderBy: { createdAt: "asc" } } },
    }),
    db().rewardModel.findMany({
      where: { projectId: project.id, prunedAt: null },
      select: { version: true },
      orderBy: { version: "asc" },
    }),
  ]);
  const out: VersionHackability[] = [];
  for (const { version } of versions) {
    const probes: number[] = [];
    const genuine: number[] = [];
    for (const prompt of prompts) {
      if (prompt.candidates.length === 0) continue;
      const { rewards } = await scoreWithVersion(project, {
        prompt: prompt.text,
        candidates: prompt.candidates.map((c) => ({ text: c.text })),
        version,
      });
      prompt.candidates.forEach((c, i) => {
        (c.source === "probe" ? probes : genuine).push(rewards[i] ?? Number.NaN);
      });
    }
    const h = hackability(probes, genuine);
    out.push({
      version,
      probes: h.probes,
      above_median: h.aboveMedian,
      hackability: h.share,
      genuine_median: h.genuineMedian,
    });
  }
  await saveLabRun(project.id, {
    kind: "probes",
    modelVersion: out.at(-1)?.version ?? null,
    params: {},
    result: { versions: out },
    seconds: (performance.now() - started) / 1000,
  });
  return out;
}
