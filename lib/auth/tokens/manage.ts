import { z } from "zod";
import { db } from "../../db";
import { DomainError, notFound } from "../../errors";
import type { SessionUser } from "../roles";
import { SCOPE_ROLES, SCOPES, type Scope, scopesFor } from "../scopes";
import { hashTokenSecret, newTokenSecret, visiblePrefix } from "./secret";

export const MAX_TOKEN_DAYS = 365;

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "give the token a name").max(100, "at most 100 characters"),
  scopes: z
    .array(z.enum(SCOPES, `a scope is one of ${SCOPES.join(", ")}`))
    .min(1, "choose at least one scope")
    .refine((scopes) => new Set(scopes).size === scopes.length, "each scope once"),
  expiresInDays: z
    .number()
    .int()
    .min(1, "at least 1 day")
    .max(MAX_TOKEN_DAYS, `at most ${MAX_TOKEN_DAYS} days; create a new token when it runs out`),
});
export type NewToken = z.infer<typeof newTokenSchema>;

/** A token as its owner (or an admin) sees it in the list: never the secret. */
export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  owner: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

const viewSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  owner: { select: { email: true, name: true, id: true } },
} as const;

type Row = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  owner: { email: string | null; name: string | null; id: string };
};

function view(row: Row): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)),
    owner: row.owner.email ?? row.owner.name ?? row.owner.id,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * Creates a token for `owner` and returns its secret, the only time it is ever seen: only its
 * SHA-256 is stored. A scope the owner's role may not use is refused, not silently dropped.
 */
export async function createToken(owner: SessionUser, input: NewToken): Promise<TokenView & { token: string }> {
  const allowed = scopesFor(owner.role);
  const refused = input.scopes.filter((scope) => !allowed.includes(scope));
  if (refused.length > 0) {
    const who = refused.map((s) => `${s} (${SCOPE_ROLES[s].join(", ")})`).join("; ");
    throw new DomainError("FORBIDDEN", `Your role cannot grant these scopes: ${who}.`);
  }
  const token = newTokenSecret();
  const row = await db().apiToken.create({
    data: {
      name: input.name,
      ownerId: owner.id,
      scopes: input.scopes,
      secretHash: hashTokenSecret(token),
      prefix: visiblePrefix(token),
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    },
    select: viewSelect,
  });
  return { ...view(row), token };
}

/** The user's own tokens, newest first; an admin sees everyone's. */
export async function listTokens(user: SessionUser): Promise<TokenView[]> {
  const rows = await db().apiToken.findMany({
    where: user.role === "ADMIN" ? {} : { ownerId: user.id },
    orderBy: { createdAt: "desc" },
    select: viewSelect,
  });
  return rows.map(view);
}

/** Revokes a token at once (its next call answers 401). Owners revoke their own; admins any. */
export async function revokeToken(user: SessionUser, tokenId: string): Promise<TokenView> {
  const found = await db().apiToken.findUnique({ where: { id: tokenId }, select: { ownerId: true, revokedAt: true } });
  // Someone else's token is "not found" to a non-admin: the id says nothing about who holds it.
  if (!found || (found.ownerId !== user.id && user.role !== "ADMIN")) throw notFound("The token");
  const row = await db().apiToken.update({
    where: { id: tokenId },
    // Revoking twice keeps the first time.
    data: { revokedAt: found.revokedAt ?? new Date() },
    select: viewSelect,
  });
  return view(row);
}
