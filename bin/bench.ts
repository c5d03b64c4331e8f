/** `npm run bench`: every speed figure next to a baseline measured in the same run. */
import { goBench } from "../tests/bench/go";
import { labelingBench } from "../tests/bench/labeling";
import { type BenchSection, formatFigure } from "../tests/bench/report";
import { rmBench } from "../tests/bench/rm";

const sections: BenchSection[] = [labelingBench, goBench, rmBench];
const only = process.argv.slice(2);

for (const section of sections) {
  if (only.length && !only.some((word) => section.title.toLowerCase().includes(word.toLowerCase()))) continue;
  console.log(`\n${section.title}`);
  const started = performance.now();
  for (const figure of await section.run()) console.log(formatFigure(figure));
  console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
