import pg from "pg";
import { poolConfig } from "../../db/pool";
import { env } from "../../env";

// Advisory-lock namespace of reward-model training ("RM"); the second key is the project id's hash.
const NAMESPACE = 0x524d;

export type ProjectLock = {
  /** Throws when the connection that holds the lock is gone (the lock went with it). */
  check: () => Promise<void>;
  release: () => Promise<void>;
};

/**
 * A session-level advisory lock on a connection of its own, held for a whole training run
 * (seconds to minutes, longer than any transaction should stay open). If the process dies the
 * connection closes and Postgres releases the lock, so a crashed trainer never blocks the next
 * one. Returns null when another process holds the project's lock right now.
 */
export async function tryLockProjectTraining(projectId: string): Promise<ProjectLock | null> {
  const { Client: _, max: __, ...config } = poolConfig(env().DATABASE_URL);
  const client = new pg.Client({ ...config, application_name: "vibecheck-rm-lock" });
  let lost: Error | undefined;
  client.on("error", (error) => {
    lost = error;
  });
  await client.connect();
  const release = async () => {
    await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [NAMESPACE, projectId]).catch(() => undefined);
    await client.end().catch(() => undefined);
  };
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked",
      [NAMESPACE, projectId],
    );
    if (!rows[0]?.locked) {
      await client.end();
      return null;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    check: async () => {
      if (lost) throw new Error(`Lost the training lock's connection (${lost.message}); not switching models.`);
      await client.query("SELECT 1");
    },
    release,
  };
}
