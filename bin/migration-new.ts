/**
 * `npm run migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the existing migrations to prisma/schema.prisma. It runs against a throwaway
 * embedded PostgreSQL (the shadow database lives there), so it needs no database of yours and never
 * prompts, unlike `prisma migrate dev`.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { pendingMigrationSql } from "../lib/db/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run migration:new -- <name>   (lowercase letters, digits and _)");
  process.exit(2);
}

const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-migration-"));
const server = await startEmbeddedPostgres({ dir, ephemeral: true });
try {
  const sql = await pendingMigrationSql(server.url);
  if (!sql) {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join("prisma", "migrations", `${stamp}_${name}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "migration.sql"), sql);
    console.log(`Wrote ${folder}/migration.sql; read it, then npm test applies it.`);
  }
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
