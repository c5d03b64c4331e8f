import { db, Prisma } from "../db";
import type { Project } from "../generated/prisma/client";
import { type Cursor, encodeCursor } from "./cursor";

const sql = Prisma.sql;

export const PROMPT_PAGE_SIZE = 50;

export type PromptListRow = {
  id: string;
  externalId: string;
  excerpt: string;
  createdAt: Date;
  candidates: number;
  pairs: number;
  judgments: number;
};

export type PromptPage = { prompts: PromptListRow[]; next: string | null };

/** `%`, `_` and `\` match themselves in the search, not as LIKE wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A page of the project's prompts in import order, keyset-paged by (createdAt, id). `search`
 * matches the prompt's id from the import file or its Vibecheck id exactly, or any part of its
 * text (case-insensitive).
 */
export async function promptsPage(
  project: Pick<Project, "id">,
  options: { search?: string; after?: Cursor } = {},
  limit = PROMPT_PAGE_SIZE,
): Promise<PromptPage> {
  const where = [sql`pr."projectId" = ${project.id}`];
  const search = options.search?.trim();
  if (search) {
    where.push(sql`(pr."externalId" = ${search} OR pr.id = ${search} OR pr.text ILIKE ${likePattern(search)})`);
  }
  if (options.after) where.push(sql`(pr."createdAt", pr.id) > (${options.after.createdAt}, ${options.after.id})`);
  const rows = await db().$queryRaw<PromptListRow[]>`
    SELECT pr.id, pr."externalId", left(pr.text, 200) AS excerpt, pr."createdAt",
           (SELECT count(*)::int FROM "Candidate" c WHERE c."promptId" = pr.id) AS candidates,
           (SELECT count(*)::int FROM "Pair" p WHERE p."promptId" = pr.id) AS pairs,
           (SELECT coalesce(sum(p."judgmentCount"), 0)::int FROM "Pair" p WHERE p."promptId" = pr.id) AS judgments
    FROM "Prompt" pr
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY pr."createdAt", pr.id
    LIMIT ${limit + 1}`;
  const prompts = rows.slice(0, limit);
  const last = prompts.at(-1);
  return { prompts, next: rows.length > limit && last ? encodeCursor(last) : null };
}
