import { mulberry32 } from "../../lib/random";
import { type LoadClient, percentile } from "./load";

export type OpenLoopResult = {
  labelers: number;
  /** Judgments stored per second over the measured window. */
  judgmentsPerSecond: number;
  /** What the labelers offered: N / mean think time. */
  offeredPerSecond: number;
  /** p50/p99 of each call started in the measured window, in ms. */
  latency: Record<"next" | "submit", { p50: number; p99: number; count: number }>;
  /** Submits whose answer carried no next task, so the labeler asked GET /next. */
  fallbacks: number;
};

type Options = {
  slug: string;
  thinkMs: number;
  warmupMs: number;
  measureMs: number;
  seed: number;
};

type Task = { kind: string; assignmentId?: string };

/**
 * N labelers, each answering the pair on screen after an exponential think time (mean `thinkMs`),
 * through the browser's one-request loop: the submit asks for the next pair in its answer, and
 * GET /next is called only for the first pair or when an answer brings none. Start times are
 * spread over one think time, so the load arrives as it would from people, not in one burst.
 * Only calls started inside the measured window (after the warm-up) count.
 */
export async function openLoop(client: LoadClient, cookies: string[], options: Options): Promise<OpenLoopResult> {
  const { slug, thinkMs, warmupMs, measureMs } = options;
  const random = mulberry32(options.seed);
  const think = () => -thinkMs * Math.log(1 - random());
  const started = performance.now();
  const from = started + warmupMs;
  const until = from + measureMs;
  const latencies = { next: [] as number[], submit: [] as number[] };
  let stored = 0;
  let fallbacks = 0;
  const timed = async <T>(call: "next" | "submit", run: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await run();
    if (at >= from && at < until) latencies[call].push(performance.now() - at);
    return result;
  };
  const getNext = (cookie: string) =>
    timed("next", () => client.call("open-next", "GET", `/api/projects/${slug}/next`, cookie)).then(
      (r) => r.json as Task,
    );

  await Promise.all(
    cookies.map(async (cookie) => {
      await sleep(random() * thinkMs);
      let task = await getNext(cookie);
      while (performance.now() < until) {
        if (task.kind !== "pair") throw new Error(`open-loop bench ran out of pairs: ${JSON.stringify(task)}`);
        await sleep(think());
        if (performance.now() >= until) break;
        const body = {
          clientId: crypto.randomUUID(),
          assignmentId: task.assignmentId,
          choice: "A",
          durationMs: 4000,
          next: { exclude: [task.assignmentId] },
        };
        const at = performance.now();
        const answer = await timed("submit", () =>
          client.call("open-submit", "POST", `/api/projects/${slug}/judgments`, cookie, body),
        );
        if (answer.status !== 200) throw new Error(`submit answered ${answer.status}: ${JSON.stringify(answer.json)}`);
        if (at >= from && at < until) stored++;
        const carried = (answer.json as { next?: Task }).next;
        if (!carried) fallbacks++;
        task = carried ?? (await getNext(cookie));
      }
    }),
  );
  const stats = (values: number[]) => ({
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    count: values.length,
  });
  return {
    labelers: cookies.length,
    judgmentsPerSecond: stored / (measureMs / 1000),
    offeredPerSecond: cookies.length / (thinkMs / 1000),
    latency: { next: stats(latencies.next), submit: stats(latencies.submit) },
    fallbacks,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
