import { withSeededDatabase } from "./data-browser";
import { type BenchFigure, type BenchSection, median } from "./report";

// The Agreement page's data and the Leaderboard (1,000 bootstrap rounds) at 1,000,000 judgments
// (the data browser's bench project: 300,000 pairs, 200 labelers, 4 sources), next to the floor,
// one `SELECT count(*)` over the same judgments through the same client.

const RUNS = Number(process.env.BENCH_AGREEMENT_RUNS ?? 5);
const PROJECT = "bench";

export const agreementBench: BenchSection = {
  name: "agreement",
  title: "Agreement page and leaderboard at 1,000,000 judgments",
  run: () =>
    withSeededDatabase("agreement", async ({ db }) => {
      const data = await import("../../lib/stats/agreement-data");
      const time = async (fn: () => Promise<unknown>) => {
        const started = performance.now();
        await fn();
        return performance.now() - started;
      };
      const floor = () => db().$queryRaw`SELECT count(*) FROM "Judgment" WHERE "projectId" = ${PROJECT}`;
      // What the Agreement page awaits before rendering.
      const agreementPage = () => Promise.all([data.projectAgreement(PROJECT), data.judgingLabelers(PROJECT)]);
      const board = () => data.projectLeaderboard(PROJECT);
      const report = await data.projectAgreement(PROJECT);
      console.log(
        `  (${report.judgments.toLocaleString("en-US")} judgments on ${report.pairs.toLocaleString("en-US")} non-gold pairs, ` +
          `${report.cohenKappa.length} labeler pairs with Cohen's κ, Fleiss' κ ${report.fleissKappa.value?.toFixed(4)})`,
      );
      await board();
      // Where the page's time goes, once: SQL aggregation, then the statistics and their bootstraps.
      const { agreementReport } = await import("../../lib/agreement");
      let started = performance.now();
      const tallies = await data.agreementTallies(PROJECT);
      const sqlMs = performance.now() - started;
      started = performance.now();
      agreementReport(tallies);
      console.log(
        `  (split: SQL tallies ${sqlMs.toFixed(0)} ms, statistics ${(performance.now() - started).toFixed(0)} ms)`,
      );
      const figures: BenchFigure[] = [];
      for (const [name, measure, target] of [
        ["agreement page data (all statistics, 1,000 bootstrap rounds each)", agreementPage, 3000],
        ["leaderboard (Bradley–Terry, 1,000 bootstrap rounds)", board, undefined],
      ] as const) {
        const values: number[] = [];
        const floors: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          values.push(await time(measure));
          floors.push(await time(floor));
        }
        figures.push({
          name,
          unit: "ms",
          value: median(values),
          baselineName: 'SELECT count(*) FROM "Judgment" WHERE "projectId" = $1',
          baseline: median(floors),
          ...(target ? { target: { op: "<=" as const, value: target } } : {}),
        });
      }
      return figures;
    }),
};
