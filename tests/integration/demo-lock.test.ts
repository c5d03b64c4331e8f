import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { demoAccountsOnDemoPassword, lockDemoAccounts, seedDemo } from "../../lib/demo";
import { useFreshDatabase as freshDatabase } from "../setup/database";

beforeAll(async () => {
  await freshDatabase();
  await seedDemo();
});

describe("demo accounts before exposing the server", () => {
  it("finds the accounts with the published password, and none after they are locked", async () => {
    await db().user.update({ where: { email: "ml@vibecheck.local" }, data: { passwordHash: null } });
    const still = await demoAccountsOnDemoPassword();
    expect(still).toContain("admin@vibecheck.local");
    expect(still).not.toContain("ml@vibecheck.local");
    expect(still).toHaveLength(5);

    expect(await lockDemoAccounts()).toEqual(still);
    expect(await demoAccountsOnDemoPassword()).toEqual([]);
  });
});
