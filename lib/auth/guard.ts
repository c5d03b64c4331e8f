import type { NextRequest } from "next/server";
import { getServerSession } from "next-auth";
import { decode, getToken } from "next-auth/jwt";
import type { Role } from "../db";
import { authSecret } from "../env";
import { forbidden, unauthorized } from "../errors";
import { authOptions } from "./options";
import type { SessionUser } from "./roles";

// Decrypting a session cookie derives its key with HKDF and runs AES-GCM: a noticeable share of
// a labeling request's CPU. A cookie maps to the same user until it expires, so decoded cookies
// are kept briefly, never past their own expiry.
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

/** The signed-in user of an API request, checked against the roles the route allows. */
export async function requireApiUser(req: NextRequest, roles: readonly Role[]): Promise<SessionUser> {
  const user = await sessionUser(req);
  if (!user) throw unauthorized();
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

/** The signed-in user of a page, or null (pages redirect to /login themselves). */
export async function pageUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user ?? null;
}
