import { ADMINS } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { createUser, listUsers, newUserSchema } from "@/lib/users";

export const GET = apiRoute({ roles: ADMINS }, async () => listUsers());

export const POST = apiRoute({ roles: ADMINS, body: newUserSchema }, async ({ body }) => createUser(body));
