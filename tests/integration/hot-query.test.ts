import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnect, Prisma } from "../../lib/db";
import { hotQuery } from "../../lib/db/hot";
import { useFreshDatabase } from "../setup/database";

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

describe("hot statements", () => {
  it("are prepared once per connection and then only executed", async () => {
    const probe = (n: number) => Prisma.sql`SELECT ${n}::int + 1 AS answer`;
    for (let n = 0; n < 12; n++) expect(await hotQuery<{ answer: number }>(probe(n))).toEqual([{ answer: n + 1 }]);
    // Run one at a time, the pool hands out the same idle connection, whose statements we read.
    const rows = await hotQuery<{ name: string; runs: number }>(Prisma.sql`
      SELECT name, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements
      WHERE statement LIKE 'SELECT $1::int + 1 AS answer%'`);
    expect(rows).toEqual([{ name: expect.stringMatching(/^hot_[0-9a-f]{20}$/), runs: 12 }]);
  });

  it("read timestamps as UTC, as Prisma does, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      const query = Prisma.sql`SELECT '2026-01-02 03:04:05.678'::timestamp(3) AS at`;
      const [hot] = await hotQuery<{ at: Date }>(query);
      const [prisma] = await db().$queryRaw<{ at: Date }[]>(query);
      expect(hot?.at.toISOString()).toBe("2026-01-02T03:04:05.678Z");
      expect(hot?.at.getTime()).toBe(prisma?.at.getTime());
    } finally {
      process.env.TZ = zone;
    }
  });
});
