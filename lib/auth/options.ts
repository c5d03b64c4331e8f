import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db";
import { authSecret } from "../env";
import { joinWithWorkerId } from "../projects/join";
import { verifyPassword } from "./password";
import type { SessionUser } from "./roles";

// JWT sessions: route handlers authorize from the signed cookie without a database round trip,
// which matters on the labeling hot path. Roles are re-read at sign-in.
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
          if (!email || !credentials?.password) return null;
          const user = await db().user.findUnique({ where: { email } });
          if (!user || !(await verifyPassword(user.passwordHash, credentials.password))) return null;
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
