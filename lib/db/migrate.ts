import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs a Prisma CLI command (offline, through the JS schema engine) against `databaseUrl`; returns its stdout. */
export function prismaOutput(args: string[], databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${stderr}${stdout}`)),
    );
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await prismaOutput(["migrate", "deploy"], databaseUrl);
}

/**
 * The SQL that would take the committed migrations to prisma/schema.prisma; empty of DDL when they
 * agree. `databaseUrl` only hosts migrate's throwaway shadow database.
 */
export async function pendingMigrationSql(databaseUrl: string): Promise<string> {
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
    databaseUrl,
  );
  return /\b(CREATE|ALTER|DROP)\b/.test(sql) ? sql : "";
}
