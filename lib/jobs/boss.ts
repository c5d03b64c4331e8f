import pg from "pg";
import PgBoss from "pg-boss";
import { poolConfig } from "../db/pool";
import { env } from "../env";
import { type JobInput, type Queue, queueName } from "./queues";

// A sender for processes that enqueue but do not work queues (the web tier, CLIs): no
// maintenance, no cron, and a two-connection pool that lets the process exit when idle.

type Sender = { boss: PgBoss; pool: pg.Pool; queues: Map<string, Promise<void>> };

const holder = globalThis as unknown as { vibecheckJobSender?: Promise<Sender> };

function sender(): Promise<Sender> {
  if (!holder.vibecheckJobSender) {
    const starting = (async () => {
      const { Client: _, ...config } = poolConfig(env().DATABASE_URL, 2);
      const pool = new pg.Pool({ ...config, allowExitOnIdle: true, application_name: "vibecheck-jobs" });
      pool.on("error", (error) => console.warn(`[jobs] idle connection error: ${error.message}`));
      const boss = new PgBoss({
        db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) },
        supervise: false,
        schedule: false,
      });
      boss.on("error", (error: Error) => console.warn(`[jobs] queue error: ${error.message}`));
      await boss.start();
      return { boss, pool, queues: new Map<string, Promise<void>>() };
    })();
    holder.vibecheckJobSender = starting;
    // A failed start (database down) is not remembered: the next send tries again.
    starting.catch(() => {
      if (holder.vibecheckJobSender === starting) holder.vibecheckJobSender = undefined;
    });
  }
  return holder.vibecheckJobSender;
}

/**
 * Creates the queue with its policy, or brings an existing queue's options up to date (the worker
 * may have created it first without them). Jobs take the queue's policy when they are inserted,
 * so every job sent through here is covered.
 */
export async function ensureQueue(queue: Queue): Promise<void> {
  const s = await sender();
  const name = queueName(queue);
  let ready = s.queues.get(name);
  if (!ready) {
    ready = (async () => {
      await s.boss.createQueue(name, { name, ...queue.options });
      if (queue.options) await s.boss.updateQueue(name, { name, ...queue.options });
    })();
    s.queues.set(name, ready);
    ready.catch(() => s.queues.delete(name));
  }
  await ready;
}

/**
 * Enqueues a job after checking its payload against the queue's contract; the id, or null when
 * the queue's policy dropped it as a duplicate.
 */
export async function sendJob<Q extends Queue>(
  queue: Q,
  input: JobInput<Q>,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const payload = queue.payload.parse(input) as object;
  await ensureQueue(queue);
  const { boss } = await sender();
  return boss.send(queueName(queue), payload, options);
}

/** Closes the sender's connections (tests, CLIs that want to exit at once). */
export async function stopJobSender(): Promise<void> {
  const current = holder.vibecheckJobSender;
  holder.vibecheckJobSender = undefined;
  if (!current) return;
  const s = await current.catch(() => undefined);
  if (!s) return;
  await s.boss.stop({ graceful: false, close: false }).catch(() => undefined);
  await s.pool.end();
}

/**
 * Merges `data` into the payload of every job of the queue that waits under this singleton key
 * (created, or waiting for a retry; not running): the first such job's id, or null when none waits.
 * A job that starts meanwhile keeps its payload: the row lock makes this update skip it.
 */
export async function updateWaitingJobs<Q extends Queue>(
  queue: Q,
  singletonKey: string,
  data: Partial<JobInput<Q>>,
): Promise<string | null> {
  const { pool } = await sender();
  const { rows } = await pool.query<{ id: string }>(
    `UPDATE pgboss.job SET data = coalesce(data, '{}'::jsonb) || $3::jsonb
     WHERE name = $1 AND singleton_key = $2 AND state IN ('created', 'retry') RETURNING id::text`,
    [queueName(queue), singletonKey, JSON.stringify(data)],
  );
  return rows[0]?.id ?? null;
}

/** States of a queue's unfinished jobs for one singleton key (e.g. "created", "active"). */
export async function pendingJobStates(queue: Queue, singletonKey: string): Promise<string[]> {
  const { pool } = await sender();
  const { rows } = await pool.query<{ state: string }>(
    `SELECT state::text FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' ORDER BY created_on`,
    [queueName(queue), singletonKey],
  );
  return rows.map((r) => r.state);
}
