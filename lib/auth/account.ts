import { db, type Role } from "../db";

/**
 * A signed-in user's role and whether the account is still active, read from the database (the
 * session cookie only says who signed in, and when). Kept for a few seconds per user so the
 * labeling hot path does not pay a query per request; the process that changes an account forgets
 * it at once, and every other web server sees the change within ACCOUNT_TTL_MS (DESIGN.md:
 * in-process caches of roles are short-lived).
 */
export const ACCOUNT_TTL_MS = 5_000;

export type Account = { role: Role; deactivated: boolean };

// On globalThis: Next.js may load this module once per server bundle (route handlers, pages), and
// a change made through one must be forgotten by all of them.
const holder = globalThis as unknown as { vibecheckAccounts?: Map<string, { account: Account | null; until: number }> };
holder.vibecheckAccounts ??= new Map();
const accounts = holder.vibecheckAccounts;

/** The account behind a session, or null when it no longer exists. */
export async function currentAccount(userId: string): Promise<Account | null> {
  const hit = accounts.get(userId);
  if (hit && hit.until > Date.now()) return hit.account;
  const row = await db().user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
  const account = row ? { role: row.role, deactivated: row.deactivatedAt !== null } : null;
  if (accounts.size > 100_000) accounts.clear();
  accounts.set(userId, { account, until: Date.now() + ACCOUNT_TTL_MS });
  return account;
}

/** Called where an account's role or status changes, so this process applies it at once. */
export function forgetAccount(userId: string): void {
  accounts.delete(userId);
}
