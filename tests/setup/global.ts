import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrateDeploy } from "../../lib/db/migrate";

// One real PostgreSQL for the whole run, in a throwaway folder. It holds a migrated template
// database; each integration test file clones it (CREATE DATABASE … TEMPLATE) in milliseconds.
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "vibecheck-test-"));
  const server = await startEmbeddedPostgres({ dir, ephemeral: true });
  await migrateDeploy(server.url);
  project.provide("templateDatabaseUrl", server.url);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}
