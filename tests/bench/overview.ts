import { withSeededDatabase } from "./data-browser";
import { type BenchSection, median } from "./report";

// The Overview's progress (judgments per day, pairs by number of judgments, the last 7 days'
// rate) at 1,000,000 judgments (the data browser's bench project), next to the floor, one
// `SELECT count(*)` over the same judgments through the same client.

const RUNS = Number(process.env.BENCH_OVERVIEW_RUNS ?? 5);
const PROJECT = "bench";

export const overviewBench: BenchSection = {
  name: "overview",
  title: "Overview progress at 1,000,000 judgments",
  run: () =>
    withSeededDatabase("overview", async ({ db }) => {
      const { projectProgress } = await import("../../lib/stats/progress");
      const project = await db().project.findUniqueOrThrow({ where: { id: PROJECT }, select: { id: true, k: true } });
      const time = async (fn: () => Promise<unknown>) => {
        const started = performance.now();
        await fn();
        return performance.now() - started;
      };
      const progress = await projectProgress(project);
      console.log(
        `  (${progress.perDay.reduce((s, d) => s + d.judgments, 0).toLocaleString("en-US")} judgments over ${progress.perDay.length} days, ${progress.regularPairs.toLocaleString("en-US")} regular pairs)`,
      );
      const values: number[] = [];
      const floors: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        values.push(await time(() => projectProgress(project)));
        floors.push(await time(() => db().$queryRaw`SELECT count(*) FROM "Judgment" WHERE "projectId" = ${PROJECT}`));
      }
      return [
        {
          name: "overview progress (per day, pairs by judgments, rate and finish)",
          unit: "ms",
          value: median(values),
          baselineName: 'SELECT count(*) FROM "Judgment" WHERE "projectId" = $1',
          baseline: median(floors),
        },
      ];
    }),
};
