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

/** How far below the worst genuine candidate of its prompt a probe's utility lies (the simulators' rule). */
export const PROBE_MARGIN = 3;

/** Latent utilities of a project's candidates, read once; candidates added later are read on demand. */
export class UtilityBook {
  private readonly utilities = new Map<string, number>();

  constructor(
    private readonly projectId: string,
    private readonly vibe?: GoVibe,
  ) {}

  async load(): Promise<this> {
    if (this.vibe) return this.loadVibe(this.vibe);
    const rows = await db().$queryRaw<{ id: string; utility: unknown; source: string; promptId: string }[]>`
      SELECT c.id, c.meta -> 'utility' AS utility, c.source, c."promptId" FROM "Candidate" c
      JOIN "Prompt" p ON p.id = c."promptId"
      WHERE p."projectId" = ${this.projectId}`;
    // Probes (the lab's degenerate texts, source "probe") are judged by a rule: worse than every
    // genuine candidate of their prompt, by PROBE_MARGIN below the worst of them.
    const worst = new Map<string, number>();
    for (const row of rows) {
      if (row.source === "probe") continue;
      const u = latentUtility(row.id, { utility: row.utility });
      this.utilities.set(row.id, u);
      worst.set(row.promptId, Math.min(worst.get(row.promptId) ?? u, u));
    }
    for (const row of rows)
      if (row.source === "probe") this.utilities.set(row.id, (worst.get(row.promptId) ?? 0) - PROBE_MARGIN);
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
    const row = await db().candidate.findUnique({ where: { id: candidateId }, select: { meta: true, source: true } });
    // A probe added after loading: its rule needs its prompt's genuine candidates, so read them all again.
    if (row?.source === "probe" && !this.vibe) {
      await this.load();
      const probe = this.utilities.get(candidateId);
      if (probe !== undefined) return probe;
    }
    const utility = latentUtility(candidateId, row?.meta);
    this.utilities.set(candidateId, utility);
    return utility;
  }
}
