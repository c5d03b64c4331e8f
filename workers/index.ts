/**
 * The worker process: takes jobs from the Postgres queue (pg-boss). Any number of workers on any
 * number of machines may run; they coordinate only through Postgres.
 */
import PgBoss from "pg-boss";
import { disconnect } from "../lib/db";
import { env } from "../lib/env";
import { queueName, queues } from "../lib/jobs";
import { handlerOf } from "./jobs";

let stopping = false;

async function main() {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 4, application_name: "vibecheck-worker" });
  // While stopping, the database may already be going down with us (npm start stops it on Ctrl-C).
  boss.on("error", (error) => stopping || console.error("[worker] queue error:", error.message));
  await boss.start();
  for (const queue of queues) {
    // The version is part of the queue name: payloads of an older shape never reach a newer handler.
    const name = queueName(queue);
    const options = { name, ...queue.options };
    await boss.createQueue(name, options);
    // A queue created earlier (by a sender, or an older worker) takes the contract's options now.
    if (queue.options) await boss.updateQueue(name, options);
    if (queue.cron) await boss.schedule(name, queue.cron, {});
    const handle = await handlerOf(queue).load();
    await boss.work(name, async ([message]) => {
      if (!message) return;
      return handle(queue.payload.parse(message.data));
    });
  }
  console.log(`[worker] ready: ${queues.map((q) => q.name).join(", ")}`);

  const stop = async () => {
    stopping = true;
    await boss.stop({ graceful: true, timeout: 10_000 });
    await disconnect();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  console.error("[worker] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
