import { forbidden, redirect } from "next/navigation";
import type { Role } from "../db";
import { pageUser } from "./guard";
import type { SessionUser } from "./roles";

/**
 * For server pages: the signed-in user with one of `roles`. Anyone else is sent to sign in, or
 * gets the 403 page (app/forbidden.tsx) with a real 403 status, so scripts and tests see the refusal.
 */
export async function pageUserWithRole(roles: readonly Role[], path: string): Promise<SessionUser> {
  const user = await pageUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
