import type { NextRequest } from "next/server";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { Role } from "../db";
import { authSecret } from "../env";
import { forbidden, unauthorized } from "../http/errors";
import { authOptions } from "./options";
import type { SessionUser } from "./roles";

/** The signed-in user of an API request, checked against the roles the route allows. */
export async function requireApiUser(req: NextRequest, roles: readonly Role[]): Promise<SessionUser> {
  const token = await getToken({ req, secret: authSecret() });
  if (!token?.uid) throw unauthorized();
  const user: SessionUser = { id: token.uid, role: token.role, email: token.email ?? null };
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

/** The signed-in user of a page, or null (pages redirect to /login themselves). */
export async function pageUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user ?? null;
}
