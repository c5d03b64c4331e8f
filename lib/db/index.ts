import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { createPool } from "./pool";

export { Prisma } from "../generated/prisma/client";
export * from "../generated/prisma/enums";

// One client per process. Next.js dev mode re-evaluates modules on every change, so the instance
// lives on globalThis to avoid leaking a connection pool per reload.
const holder = globalThis as unknown as { vibecheckPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!holder.vibecheckPrisma) {
    const { DATABASE_URL, DB_POOL_SIZE } = env();
    holder.vibecheckPrisma = new PrismaClient({
      adapter: new PrismaPg(createPool(DATABASE_URL, DB_POOL_SIZE), { disposeExternalPool: true }),
    });
  }
  return holder.vibecheckPrisma;
}

export async function disconnect(): Promise<void> {
  await holder.vibecheckPrisma?.$disconnect();
  holder.vibecheckPrisma = undefined;
}
