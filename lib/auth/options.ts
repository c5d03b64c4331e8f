import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { authSecret } from "../env";
import { joinWithWorkerId } from "../projects/join";
import { verifyPassword } from "./password";
import { MAX_PASSWORD } from "./password-policy";
import type { SessionUser } from "./roles";
import { ACCOUNT_DEACTIVATED } from "./sign-in-errors";

// JWT sessions: route handlers authorize from the signed cookie without a database round trip,
// which matters on the labeling hot path. Role and deactivation are re-read by the guard
// (lib/auth/guard.ts), so they apply to sessions already signed in.
export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const email = credentials?.email?.trim().toLowerCase();
          // No password is longer than MAX_PASSWORD, and hashing a huge one is work for nothing.
          if (!email || !credentials?.password || credentials.password.length > MAX_PASSWORD) return null;
          const user = await db().user.findUnique({ where: { email } });
          if (!user || !(await verifyPassword(user.passwordHash, credentials.password))) return null;
          // Said only after the password matched, so it tells a stranger nothing about the account.
          if (user.deactivatedAt) throw new Error(ACCOUNT_DEACTIVATED);
          return { id: user.id, email: user.email, role: user.role };
        },
      }),
      CredentialsProvider({
        // Crowd platforms send workers to /join/<code>?workerId=…; the worker id is the identity.
        id: "invite",
        name: "Invite link",
        credentials: { code: { type: "text" }, workerId: { type: "text" } },
        async authorize(credentials) {
          if (!credentials?.code || !credentials.workerId) return null;
          const user = await joinWithWorkerId(credentials.code, credentials.workerId);
          if (user?.deactivatedAt) throw new Error(ACCOUNT_DEACTIVATED);
          return user ? { id: user.id, email: user.email, role: user.role } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as SessionUser;
          token.uid = signedIn.id;
          token.role = signedIn.role;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, role: token.role, email: token.email ?? null };
        return session;
      },
    },
  };
}
