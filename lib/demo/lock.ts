import { verifyPassword } from "../auth/password";
import { db } from "../db";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed";

/** The demo accounts whose password is still the published one. */
export async function demoAccountsOnDemoPassword(): Promise<string[]> {
  const users = await db().user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    select: { email: true, passwordHash: true },
  });
  const still = [];
  for (const user of users)
    if (user.email && (await verifyPassword(user.passwordHash, DEMO_PASSWORD))) still.push(user.email);
  return still.sort();
}

/** Turns off password sign-in for the demo accounts that still have the published password. */
export async function lockDemoAccounts(): Promise<string[]> {
  const emails = await demoAccountsOnDemoPassword();
  await db().user.updateMany({ where: { email: { in: emails } }, data: { passwordHash: null } });
  return emails;
}
