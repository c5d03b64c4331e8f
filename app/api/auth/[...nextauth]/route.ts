import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { limitSignIn } from "@/lib/security/sign-in-limit";

// next-auth reads its options when a request comes in, so configuration errors surface there
// with the message from lib/env instead of at build time.
async function handler(req: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return limitSignIn(req, () => NextAuth(req as never, context as never, authOptions()));
}

export { handler as GET, handler as POST };
