import type { NextRequest } from "next/server";
import { getServerSession } from "next-auth";
import { decode, getToken } from "next-auth/jwt";
import type { Role } from "../db";
import { authSecret } from "../env";
import { DomainError, forbidden, unauthorized } from "../errors";
import { currentAccount } from "./account";
import { authOptions } from "./options";
import type { SessionUser } from "./roles";
import { DEACTIVATED_MESSAGE } from "./sign-in-errors";

// Decrypting a session cookie derives its key with HKDF and runs AES-GCM: a noticeable share of
// a labeling request's CPU. A cookie maps to the same user until it expires, so decoded cookies
// are kept briefly, never past their own expiry. The cookie settles only who signed in: role and
// deactivation are read from the account (lib/auth/account.ts), so they apply to live sessions.
const DECODED_TTL_MS = 60_000;
const decoded = new Map<string, { user: SessionUser; until: number }>();

async function sessionUser(req: NextRequest): Promise<SessionUser | null> {
  const raw = await getToken({ req, secret: authSecret(), raw: true });
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

/** The signed-in user of an API request, checked against the roles the route allows. */
export async function requireApiUser(req: NextRequest, roles: readonly Role[]): Promise<SessionUser> {
  const session = await sessionUser(req);
  const user = session && (await withCurrentRole(session));
  if (user === "deactivated") {
    throw new DomainError("UNAUTHORIZED", DEACTIVATED_MESSAGE);
  }
  if (!user) throw unauthorized();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

/** The signed-in, active user of a page, or null (pages redirect to /login themselves). */
export async function pageUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user && (await withCurrentRole(session.user));
  return user && user !== "deactivated" ? user : null;
}
