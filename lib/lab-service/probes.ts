import { db } from "../db";
import { DomainError } from "../errors";
import type { Project } from "../generated/prisma/client";
import { hackability } from "../lab/hackability";
import { probesFor } from "../lab/probes";
import { scoreWithVersion } from "../rm/service/score-request";
import { saveLabRun } from "./runs";

/** One probe scored by the serving version, as the Lab page lists them. */
export type ScoredProbe = { prompt: string; kind: string; text: string; score: number; above_median: boolean };

/** What a "probes" LabRun keeps: every kept version's figures and the serving version's probes. */
export type ProbesRunResult = {
  versions: VersionHackability[];
  serving: { version: number; probes: ScoredProbe[] } | null;
};

// The serving version's probes kept with a run, highest score first: enough to read, bounded in size.
const KEPT_PROBES = 100;
const KEPT_CHARS = 300;

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
      select: {
        text: true,
        externalId: true,
        candidates: { select: { text: true, source: true, meta: true }, orderBy: { createdAt: "asc" } },
      },
    }),
    db().rewardModel.findMany({
      where: { projectId: project.id, prunedAt: null },
      select: { id: true, version: true },
      orderBy: { version: "asc" },
    }),
  ]);
  const out: VersionHackability[] = [];
  let serving: ProbesRunResult["serving"] = null;
  for (const { id, version } of versions) {
    const probes: number[] = [];
    const genuine: number[] = [];
    const scored: Omit<ScoredProbe, "above_median">[] = [];
    for (const prompt of prompts) {
      if (prompt.candidates.length === 0) continue;
      const { rewards } = await scoreWithVersion(project, {
        prompt: prompt.text,
        candidates: prompt.candidates.map((c) => ({ text: c.text })),
        version,
      });
      prompt.candidates.forEach((c, i) => {
        const score = rewards[i] ?? Number.NaN;
        (c.source === "probe" ? probes : genuine).push(score);
        if (c.source === "probe" && id === project.currentModelId)
          scored.push({ prompt: prompt.externalId, kind: probeKind(c.meta), text: c.text.slice(0, KEPT_CHARS), score });
      });
    }
    const h = hackability(probes, genuine);
    if (id === project.currentModelId) {
      const median = h.genuineMedian;
      serving = {
        version,
        probes: scored
          .sort((a, b) => b.score - a.score)
          .slice(0, KEPT_PROBES)
          .map((p) => ({ ...p, above_median: median !== null && p.score > median })),
      };
    }
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
    result: { versions: out, serving } satisfies ProbesRunResult,
    seconds: (performance.now() - started) / 1000,
  });
  return out;
}

/** The probe's kind as storeProbes wrote it in the candidate's meta; "optimizer" for other probe candidates. */
function probeKind(meta: unknown): string {
  const kind = (meta as { probe?: unknown } | null)?.probe;
  return typeof kind === "string" ? kind : "optimizer";
}
