import { describe, expect, it } from "vitest";
import { pendingMigrationSql } from "../../lib/db/migrate";
import { useFreshDatabase } from "../setup/database";

describe("migrations", () => {
  it("take an empty database exactly to prisma/schema.prisma (no schema change without a migration)", async () => {
    const url = await useFreshDatabase();
    expect(await pendingMigrationSql(url)).toBe("");
  });
});
