import type { NextRequest } from "next/server";
import { getServerSession } from "next-auth";
import { decode, getToken } from "next-auth/jwt";
import type { Role } from "../db";
import { authSecret } from "../env";
import { DomainError, forbidden, unauthorized } from "../errors";
import { clientAddress, limit, refuseIfSpent } from "../security/rate-limit";
import { currentAccount } from "./account";
import { authOptions } from "./options";
import type { SessionUser } from "./roles";
import type { Scope } from "./scopes";
import { DEACTIVATED_MESSAGE } from "./sign-in-errors";
import { tokenCaller } from "./tokens";

// Decrypting a session cookie derives its key with HKDF and runs AES-GCM: a noticeable share of
// a labeling request's CPU. A cookie maps to the same user until it expires, so decoded cookies
// are kept briefly, never past their own expiry. The cookie settles only who signed in: role and
// deactivation are read from the account (lib/auth/account.ts), so they apply to live sessions.
const DECODED_TTL_MS = 60_000;
const decoded = new Map<string, { user: SessionUser; until: number }>();

async function sessionUser(req: NextRequest): Promise<SessionUser | null> {
  // The cookie only: next-auth would also take the session JWT from `Authorization: Bearer`, but
  // bearer credentials here are API tokens (scoped, revocable), never a copied browser session.
  const cookiesOnly = { cookies: req.cookies, headers: new Headers() };
  const raw = await getToken({ req: cookiesOnly as unknown as NextRequest, secret: authSecret(), raw: true });
  if (!raw) return null;
  const hit = decoded.get(raw);
  if (hit && hit.until > Date.now()) return hit.user;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token?.uid) return null;
  const user: SessionUser = { id: token.uid, role: token.role, email: token.email ?? null };
  const expires = typeof token.exp === "number" ? token.exp * 1000 : Date.now();
  if (decoded.size > 50_000) decoded.clear();
  decoded.set(raw, { user, until: Math.min(expires, Date.now() + DECODED_TTL_MS) });
  return user;
}

/** The session's user with the account's current role; null when the account is gone. */
async function withCurrentRole(user: SessionUser): Promise<SessionUser | "deactivated" | null> {
  const account = await currentAccount(user.id);
  if (!account) return null;
  if (account.deactivated) return "deactivated";
  return { ...user, role: account.role };
}

/**
 * Who calls an API route, checked against the roles the route allows: an API token when the request
 * has `Authorization: Bearer` (then the route must name a scope the token holds), else the session
 * cookie. A route without a scope is for the browser only and answers 403 to every token.
 */
export async function requireApiUser(req: NextRequest, roles: readonly Role[], scope?: Scope): Promise<SessionUser> {
  const bearer = bearerCredentials(req);
  if (bearer !== null) return requireTokenUser(bearer, clientAddress(req.headers), roles, scope);
  const session = await sessionUser(req);
  const user = session && (await withCurrentRole(session));
  if (user === "deactivated") {
    throw new DomainError("UNAUTHORIZED", DEACTIVATED_MESSAGE);
  }
  if (!user) throw unauthorized();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

function bearerCredentials(req: NextRequest): string | null {
  const header = req.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}

/**
 * Failed lookups (unknown, revoked, expired tokens) are counted per client address; once an address
 * has used up RATE_API_TOKEN_FAILURES it gets 429 for every bearer call until its window ends,
 * before any lookup, so guessing or replaying dead tokens costs the database one read per call.
 */
async function tokenCallerFrom(address: string, secret: string) {
  await refuseIfSpent("apiTokenFailure", address);
  try {
    return await tokenCaller(secret);
  } catch (error) {
    if (error instanceof DomainError && error.code === "UNAUTHORIZED") await limit("apiTokenFailure", address);
    throw error;
  }
}

async function requireTokenUser(secret: string, address: string, roles: readonly Role[], scope: Scope | undefined) {
  const caller = await tokenCallerFrom(address, secret);
  // Counted per token once it is known to be valid, whatever the route answers next.
  await limit("apiToken", caller.tokenId);
  if (!scope) {
    throw new DomainError("FORBIDDEN", "API tokens cannot call this route; it is for signed-in browser sessions only.");
  }
  if (!caller.scopes.includes(scope)) {
    throw new DomainError("FORBIDDEN", `This API token does not have the "${scope}" scope this route needs.`);
  }
  if (!roles.includes(caller.user.role)) {
    throw new DomainError("FORBIDDEN", "The role of this token's owner does not allow this route.");
  }
  return caller.user;
}

/** The signed-in, active user of a page, or null (pages redirect to /login themselves). */
export async function pageUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user && (await withCurrentRole(session.user));
  return user && user !== "deactivated" ? user : null;
}
