import { redirect } from "next/navigation";
import type { Role } from "../db";
import { pageUser } from "./guard";
import type { SessionUser } from "./roles";

/** For server pages: the signed-in user with one of `roles`, else a redirect or null (not allowed). */
export async function pageUserWithRole(roles: readonly Role[], path: string): Promise<SessionUser | null> {
  const user = await pageUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  return roles.includes(user.role) ? user : null;
}
