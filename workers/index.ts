/**
 * The worker process: takes jobs from the Postgres queue (pg-boss). Any number of workers on any
 * number of machines may run; they coordinate only through Postgres.
 */
import PgBoss from "pg-boss";
import { disconnect } from "../lib/db";
import { env } from "../lib/env";
import { jobs } from "./jobs";

let stopping = false;

async function main() {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 4, application_name: "vibecheck-worker" });
  // While stopping, the database may already be going down with us (npm start stops it on Ctrl-C).
  boss.on("error", (error) => stopping || console.error("[worker] queue error:", error.message));
  await boss.start();
  for (const job of jobs) {
    // The version is part of the queue name: payloads of an older shape never reach a newer handler.
    const queue = `${job.name}.v${job.version}`;
    await boss.createQueue(queue);
    if (job.cron) await boss.schedule(queue, job.cron, {});
    const handle = await job.handler();
    await boss.work(queue, async ([message]) => {
      if (!message) return;
      const payload = job.schema.parse(message.data);
      return handle(payload);
    });
  }
  console.log(`[worker] ready: ${jobs.map((j) => j.name).join(", ")}`);

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
