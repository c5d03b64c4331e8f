import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

export type LabRunKind = "bon" | "probes" | "optimizer";

/** Keeps one lab computation, so the Lab page shows the latest and the rounds before it. */
export async function saveLabRun(
  projectId: string,
  run: { kind: LabRunKind; modelVersion: number | null; params: object; result: object; seconds: number },
) {
  return db().labRun.create({
    data: {
      projectId,
      kind: run.kind,
      modelVersion: run.modelVersion,
      params: run.params as Prisma.InputJsonValue,
      result: run.result as Prisma.InputJsonValue,
      seconds: run.seconds,
    },
    select: { id: true, createdAt: true },
  });
}

export async function latestLabRun(projectId: string, kind: LabRunKind) {
  return db().labRun.findFirst({ where: { projectId, kind }, orderBy: { createdAt: "desc" } });
}

export async function labRuns(projectId: string, kind: LabRunKind, take = 20) {
  return db().labRun.findMany({ where: { projectId, kind }, orderBy: { createdAt: "desc" }, take });
}
