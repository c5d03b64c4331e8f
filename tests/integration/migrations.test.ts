import { describe, expect, it } from "vitest";
import { prismaOutput } from "../../lib/db/migrate";
import { useFreshDatabase } from "../setup/database";

describe("migrations", () => {
  it("take an empty database exactly to prisma/schema.prisma (no schema change without a migration)", async () => {
    const url = await useFreshDatabase(); // only hosts migrate's shadow database
    const sql = await prismaOutput(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      url,
    );
    expect(sql).not.toMatch(/\b(CREATE|ALTER|DROP)\b/);
  });
});
