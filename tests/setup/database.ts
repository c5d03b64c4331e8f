import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * A fresh, migrated database for one test file, and the environment lib/env reads pointed at it.
 * Call it in beforeAll, before anything touches lib/db.
 */
export async function useFreshDatabase(): Promise<string> {
  const template = new URL(inject("templateDatabaseUrl"));
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(template, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.pathname.slice(1)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(template, name);
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= randomBytes(24).toString("hex");
  return url;
}

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}
