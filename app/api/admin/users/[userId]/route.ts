import { ADMINS } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { changeUser, userChangeSchema } from "@/lib/users";

/** An admin changes a user's role, or deactivates (active: false) or reactivates the account. */
export const PATCH = apiRoute(
  { roles: ADMINS, summary: "Change a user's role, or deactivate or reactivate the account", body: userChangeSchema },
  async ({ user, params, body }) => changeUser(user.id, params.userId ?? "", body),
);
