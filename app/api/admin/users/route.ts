import { ADMINS } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { apiRoute } from "@/lib/http/route";
import { createUser, newUserSchema } from "@/lib/users";

export const GET = apiRoute({ roles: ADMINS }, async () =>
  db().user.findMany({
    select: { id: true, email: true, name: true, role: true, externalId: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  }),
);

export const POST = apiRoute({ roles: ADMINS, body: newUserSchema }, async ({ body }) => createUser(body));
