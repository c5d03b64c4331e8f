import { ML_TEAM } from "@/lib/auth/roles";
import { revokeToken, tokenViewSchema } from "@/lib/auth/tokens";
import { apiRoute } from "@/lib/http/route";

export const DELETE = apiRoute(
  {
    roles: ML_TEAM,
    summary: "Revoke an API token at once (yours; admins: any)",
    params: { tokenId: "The token's id from the list." },
    response: tokenViewSchema,
  },
  async ({ user, params }) => revokeToken(user, params.tokenId ?? ""),
);
