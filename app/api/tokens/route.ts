import { z } from "zod";
import { ML_TEAM } from "@/lib/auth/roles";
import { createToken, listTokens, newTokenSchema, tokenViewSchema } from "@/lib/auth/tokens";
import { apiRoute } from "@/lib/http/route";

// Tokens are managed from a browser session only (no scope): a leaked token cannot mint more.
export const GET = apiRoute(
  {
    roles: ML_TEAM,
    summary: "List your API tokens (admins: everyone's), never their secrets",
    response: z.object({ tokens: z.array(tokenViewSchema) }),
  },
  async ({ user }) => ({ tokens: await listTokens(user) }),
);

export const POST = apiRoute(
  {
    roles: ML_TEAM,
    body: newTokenSchema,
    summary: "Create an API token; the answer holds its secret, shown this once",
    description: "Scopes are limited to what the creator's role allows: import:write is for admins only.",
    response: tokenViewSchema.extend({ token: z.string() }),
  },
  async ({ user, body }) => createToken(user, body),
);
