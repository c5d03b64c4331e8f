import { db } from "../../db";
import { DomainError } from "../../errors";
import type { SessionUser } from "../roles";
import { SCOPES, type Scope } from "../scopes";
import { hashTokenSecret, TOKEN_PREFIX } from "./secret";

/** Who calls with a token: its owner (with the owner's current role) and what the token allows. */
export type TokenCaller = { tokenId: string; scopes: Scope[]; user: SessionUser };

/** Last use is written at most this often per token, so a busy script does not write per call. */
export const LAST_USED_EVERY_MS = 60_000;

const invalid = (message: string) => new DomainError("UNAUTHORIZED", message);

/**
 * The caller behind `Authorization: Bearer <secret>`, or a 401 that says why in plain words:
 * unknown (mistyped, or a browser session's JWT, which is not an API token), revoked, expired,
 * or owned by a deactivated account.
 */
export async function tokenCaller(secret: string): Promise<TokenCaller> {
  if (!secret.startsWith(TOKEN_PREFIX)) {
    throw invalid(
      `Bearer credentials must be an API token (starting with ${TOKEN_PREFIX}); browser sessions use the cookie. Create a token under API tokens in the user menu.`,
    );
  }
  const row = await db().apiToken.findUnique({
    where: { secretHash: hashTokenSecret(secret) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      owner: { select: { id: true, role: true, email: true, deactivatedAt: true } },
    },
  });
  if (!row) throw invalid("This API token is not valid; check that it was copied whole, or create a new one.");
  if (row.revokedAt) throw invalid("This API token was revoked; create a new one.");
  const now = new Date();
  if (row.expiresAt <= now) {
    throw invalid(`This API token expired on ${row.expiresAt.toISOString().slice(0, 10)}; create a new one.`);
  }
  if (row.owner.deactivatedAt) throw invalid("The account that owns this API token is deactivated.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so concurrent calls of one token write once.
    await db().apiToken.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return {
    tokenId: row.id,
    scopes: row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)),
    user: { id: row.owner.id, role: row.owner.role, email: row.owner.email },
  };
}
