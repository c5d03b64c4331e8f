import { db } from "../db";
import { DomainError } from "../errors";

/** The reward model versions an export can start after, newest first, with their training cut-off. */
export async function modelVersions(projectId: string): Promise<{ version: number; cutoff: Date }[]> {
  return db().rewardModel.findMany({
    where: { projectId },
    orderBy: { version: "desc" },
    select: { version: true, cutoff: true },
  });
}

/** The training cut-off of version `version`: "after this model" means judgments stored after it. */
export async function modelCutoff(projectId: string, version: number | null): Promise<Date | null> {
  if (version === null) return null;
  const model = await db().rewardModel.findUnique({
    where: { projectId_version: { projectId, version } },
    select: { cutoff: true },
  });
  if (!model) {
    throw new DomainError("INVALID_INPUT", `afterModelVersion: this project has no reward model version ${version}.`, [
      { field: "afterModelVersion", message: `no version ${version}` },
    ]);
  }
  return model.cutoff;
}
