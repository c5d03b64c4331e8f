import { createHash } from "node:crypto";

/**
 * The labeler id written in exports: stable within a project (so agreement and per-labeler
 * statistics work across exports) but not the internal user id, and different in every project (so
 * two projects' files cannot be joined on it). Internal ids are random UUIDs nobody outside sees, so
 * a plain hash of them cannot be reversed by guessing.
 */
export function labelerPseudonym(projectId: string, userId: string): string {
  return `lab_${createHash("sha256").update(`vibecheck/labeler/${projectId}/${userId}`).digest("hex").slice(0, 16)}`;
}

/** One pseudonym per labeler for a whole export: a project has far fewer labelers than judgments. */
export function pseudonymsFor(projectId: string): (userId: string) => string {
  const known = new Map<string, string>();
  return (userId) => {
    let name = known.get(userId);
    if (name === undefined) {
      name = labelerPseudonym(projectId, userId);
      known.set(userId, name);
    }
    return name;
  };
}
