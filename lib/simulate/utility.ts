import { db } from "../db";
import type { Colour } from "../go/coords";
import { readBoardState } from "../go/state";
import { goVibeUtility } from "./go-vibe";
import { hashNormal } from "./random";

/** GO projects: labelers with a vibe (go-vibe.ts) instead of latent utilities. */
export type GoVibe = { weight: number; side: Colour };

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

  constructor(
    private readonly projectId: string,
    private readonly vibe?: GoVibe,
  ) {}

  async load(): Promise<this> {
    if (this.vibe) return this.loadVibe(this.vibe);
    const rows = await db().$queryRaw<{ id: string; utility: unknown }[]>`
      SELECT c.id, c.meta -> 'utility' AS utility FROM "Candidate" c
      JOIN "Prompt" p ON p.id = c."promptId"
      WHERE p."projectId" = ${this.projectId}`;
    for (const row of rows) this.utilities.set(row.id, latentUtility(row.id, { utility: row.utility }));
    return this;
  }

  /** Boards and their stored truth; a candidate without a truth yet counts by its vibe alone. */
  private async loadVibe(vibe: GoVibe): Promise<this> {
    const rows = await db().$queryRaw<{ id: string; board: unknown; p: number | null }[]>`
      SELECT c.id, c.board, g."pBlackWins" AS p FROM "Candidate" c
      JOIN "Prompt" pr ON pr.id = c."promptId"
      LEFT JOIN "GroundTruth" g ON g."candidateId" = c.id
      WHERE pr."projectId" = ${this.projectId}`;
    for (const row of rows) {
      const state = readBoardState(row.board);
      this.utilities.set(
        row.id,
        state ? goVibeUtility(state, row.p, vibe.side, vibe.weight) : latentUtility(row.id, {}),
      );
    }
    return this;
  }

  async of(candidateId: string): Promise<number> {
    const known = this.utilities.get(candidateId);
    if (known !== undefined) return known;
    if (this.vibe) {
      const row = await db().candidate.findUnique({
        where: { id: candidateId },
        select: { board: true, groundTruth: { select: { pBlackWins: true } } },
      });
      const state = readBoardState(row?.board);
      if (state) {
        const utility = goVibeUtility(state, row?.groundTruth?.pBlackWins ?? null, this.vibe.side, this.vibe.weight);
        this.utilities.set(candidateId, utility);
        return utility;
      }
    }
    const row = await db().candidate.findUnique({ where: { id: candidateId }, select: { meta: true } });
    const utility = latentUtility(candidateId, row?.meta);
    this.utilities.set(candidateId, utility);
    return utility;
  }
}
