import { ADMINS } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { resetPassword } from "@/lib/users";

/** An admin resets a user's password to a generated one, returned once in this answer. */
export const POST = apiRoute(
  { roles: ADMINS, summary: "Reset a user's password to a generated one, returned once in the answer" },
  async ({ params }) => resetPassword(params.userId ?? ""),
);
