import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { documented } from "@/lib/http/route";
import { limitSignIn } from "@/lib/security/sign-in-limit";

// next-auth reads its options when a request comes in, so configuration errors surface there
// with the message from lib/env instead of at build time.
async function handler(req: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return limitSignIn(req, () => NextAuth(req as never, context as never, authOptions()));
}

const docs = {
  roles: "public",
  summary: "next-auth's sign-in, sign-out, session and CSRF endpoints, for the browser",
  description: "Browser sessions only: scripts use API tokens (Authorization: Bearer) instead of signing in.",
  params: { nextauth: "next-auth's action, such as session, csrf, signout or callback/credentials." },
} as const;

export const GET = documented(handler, docs);
export const POST = documented(handler, docs);
