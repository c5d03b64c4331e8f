import { db } from "../db";
import { addMember } from "../projects";

export type SimulatedLabeler = { id: string; name: string };

/**
 * The project's simulated labelers sim-1 … sim-n: ordinary LABELER users with a membership, made
 * on first use and reused by later runs (so a second run continues their work). Their external id
 * `<project id>:sim-<n>` marks them as simulated; they have no password and cannot sign in.
 */
export async function simulatedLabelers(projectId: string, count: number): Promise<SimulatedLabeler[]> {
  const labelers: SimulatedLabeler[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `sim-${i}`;
    const externalId = `${projectId}:${name}`;
    const user = await db().user.upsert({
      where: { externalId },
      create: { externalId, name, role: "LABELER" },
      update: {},
      select: { id: true },
    });
    await addMember(projectId, user.id);
    labelers.push({ id: user.id, name });
  }
  return labelers;
}
