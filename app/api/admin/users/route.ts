import { ADMINS } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { createUser, listUsers, newUserSchema } from "@/lib/users";

export const GET = apiRoute({ roles: ADMINS, summary: "List every user with role and status" }, async () =>
  listUsers(),
);

export const POST = apiRoute(
  { roles: ADMINS, summary: "Create a user with an email and password", body: newUserSchema },
  async ({ body }) => createUser(body),
);
