import { db } from "../db";

export function listUsers() {
  return db().user.findMany({
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      externalId: true,
      deactivatedAt: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
}
