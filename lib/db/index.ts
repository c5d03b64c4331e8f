import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { env } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { createPool } from "./pool";

export { Prisma } from "../generated/prisma/client";
export * from "../generated/prisma/enums";

// One client and one connection pool per process. Next.js dev mode re-evaluates modules on every
// change, so they live on globalThis to avoid leaking a pool per reload.
const holder = globalThis as unknown as { vibecheckPrisma?: PrismaClient; vibecheckPool?: pg.Pool };

/**
 * The pool behind Prisma, for the few statements that go to pg directly (hot.ts): sharing it keeps
 * one limit on connections per process, DB_POOL_SIZE.
 */
export function dbPool(): pg.Pool {
  if (!holder.vibecheckPool) {
    const { DATABASE_URL, DB_POOL_SIZE } = env();
    holder.vibecheckPool = createPool(DATABASE_URL, DB_POOL_SIZE);
  }
  return holder.vibecheckPool;
}

export function db(): PrismaClient {
  holder.vibecheckPrisma ??= new PrismaClient({ adapter: new PrismaPg(dbPool(), { disposeExternalPool: true }) });
  return holder.vibecheckPrisma;
}

export async function disconnect(): Promise<void> {
  const [client, pool] = [holder.vibecheckPrisma, holder.vibecheckPool];
  holder.vibecheckPrisma = undefined;
  holder.vibecheckPool = undefined;
  // Prisma ends the pool it was given (disposeExternalPool); without a client, end it here.
  if (client) await client.$disconnect();
  else await pool?.end();
}
