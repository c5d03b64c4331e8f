import { db } from "../db";
import { hashNormal } from "./random";

/**
 * A candidate's latent utility: `meta.utility` when the import gave a finite number, else a
 * standard normal draw seeded by the candidate id only, so it is the same in every run.
 */
export function latentUtility(candidateId: string, meta: unknown): number {
  const given = (meta as { utility?: unknown } | null)?.utility;
  if (typeof given === "number" && Number.isFinite(given)) return given;
  return hashNormal("utility", candidateId);
}

/** Latent utilities of a project's candidates, read once; candidates added later are read on demand. */
export class UtilityBook {
  private readonly utilities = new Map<string, number>();

  constructor(private readonly projectId: string) {}

  async load(): Promise<this> {
    const rows = await db().$queryRaw<{ id: string; utility: unknown }[]>`
      SELECT c.id, c.meta -> 'utility' AS utility FROM "Candidate" c
      JOIN "Prompt" p ON p.id = c."promptId"
      WHERE p."projectId" = ${this.projectId}`;
    for (const row of rows) this.utilities.set(row.id, latentUtility(row.id, { utility: row.utility }));
    return this;
  }

  async of(candidateId: string): Promise<number> {
    const known = this.utilities.get(candidateId);
    if (known !== undefined) return known;
    const row = await db().candidate.findUnique({ where: { id: candidateId }, select: { meta: true } });
    const utility = latentUtility(candidateId, row?.meta);
    this.utilities.set(candidateId, utility);
    return utility;
  }
}
