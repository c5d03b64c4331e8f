import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPool } from "../db/pool";
import { env } from "../env";
import { DomainError } from "../errors";

/**
 * Rate limits kept in PostgreSQL (table "RateLimit", created by a migration), so they hold across
 * every web server. One limiter per kind of attempt: adding one is one entry in `limits` and one
 * `await limit(kind, key)` where the attempt is made (API tokens: lib/auth/guard.ts).
 */
type Kind = "signInAccount" | "signInAddress" | "judgment" | "apiToken" | "apiTokenFailure";

function limits(): Record<Kind, { points: number; duration: number }> {
  const e = env();
  return {
    signInAccount: { points: e.RATE_SIGN_IN_ACCOUNT, duration: e.RATE_SIGN_IN_WINDOW },
    signInAddress: { points: e.RATE_SIGN_IN_ADDRESS, duration: e.RATE_SIGN_IN_WINDOW },
    judgment: { points: e.RATE_JUDGMENTS_PER_MINUTE, duration: 60 },
    apiToken: { points: e.RATE_API_TOKEN_PER_MINUTE, duration: 60 },
    apiTokenFailure: { points: e.RATE_API_TOKEN_FAILURES, duration: e.RATE_SIGN_IN_WINDOW },
  };
}

const holder = globalThis as unknown as {
  vibecheckLimiters?: { pool: pg.Pool; byKind: Map<Kind, RateLimiterPostgres> };
};

function limiter(kind: Kind): RateLimiterPostgres {
  holder.vibecheckLimiters ??= { pool: createPool(env().DATABASE_URL, 4), byKind: new Map() };
  const { pool, byKind } = holder.vibecheckLimiters;
  let found = byKind.get(kind);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "RateLimit",
      tableCreated: true,
      // Rows of finished windows are overwritten in place; no timer per process to sweep them.
      clearExpiredByTimeout: false,
      keyPrefix: kind,
      ...limits()[kind],
    });
    byKind.set(kind, found);
  }
  return found;
}

/** Counts one attempt; throws 429 with the seconds to wait when `key` has used up its window. */
export async function limit(kind: Kind, key: string): Promise<void> {
  try {
    await limiter(kind).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw tooMany(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
  }
}

/**
 * Throws 429 when `key` has already used up its window, without counting an attempt: for limits
 * that count failures only, checked before the attempt and counted with `limit` when it fails.
 */
export async function refuseIfSpent(kind: Kind, key: string): Promise<void> {
  const used = await limiter(kind).get(key);
  if (used && used.consumedPoints >= limits()[kind].points) {
    throw tooMany(Math.max(1, Math.ceil(used.msBeforeNext / 1000)));
  }
}

/** Gives an attempt back: a sign-in that succeeded is not held against the account or address. */
export async function refund(kind: Kind, key: string): Promise<void> {
  await limiter(kind).reward(key, 1);
}

/** The refusal past a limit; the route edge adds Retry-After from its details. */
const tooMany = (retryAfterSeconds: number) =>
  new DomainError("RATE_LIMITED", `Too many attempts; wait ${retryAfterSeconds} s and try again.`, {
    retryAfterSeconds,
  });

/** The client's address as the proxy in front reports it, else a placeholder shared by all unknowns. */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
