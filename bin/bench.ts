/**
 * `npm run bench`: every speed figure next to a baseline measured in the same run.
 * Each section runs in a process of its own: sections start their own databases, and lib/db keeps
 * one client per process. `npm run bench -- rm go-rm` runs only the sections of those names.
 */
import { spawnSync } from "node:child_process";
import { activeBench } from "../tests/bench/active";
import { agreementBench } from "../tests/bench/agreement";
import { dataBrowserBench } from "../tests/bench/data-browser";
import { exportBench } from "../tests/bench/export";
import { goBench } from "../tests/bench/go";
import { goRmBench } from "../tests/bench/go-rm";
import { labBench } from "../tests/bench/lab";
import { labelingBench } from "../tests/bench/labeling";
import { overviewBench } from "../tests/bench/overview";
import { type BenchSection, formatFigure } from "../tests/bench/report";
import { rmBench } from "../tests/bench/rm";
import { truthBench } from "../tests/bench/truth";

const sections: BenchSection[] = [
  labelingBench,
  goBench,
  truthBench,
  rmBench,
  goRmBench,
  activeBench,
  dataBrowserBench,
  exportBench,
  agreementBench,
  overviewBench,
  labBench,
];
const [flag, index] = process.argv.slice(2);

if (flag === "--section") {
  const section = sections[Number(index)];
  if (!section) throw new Error(`no bench section ${index}`);
  console.log(`\n${section.title} [${section.name}]`);
  const started = performance.now();
  for (const figure of await section.run()) console.log(formatFigure(figure));
  console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
} else {
  const names = process.argv.slice(2).map((w) => w.toLowerCase());
  const known = sections.map((section) => section.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`No bench section named ${unknown.join(", ")}. Sections: ${known.join(", ")}.`);
    process.exit(2);
  }
  let failed = false;
  sections.forEach((section, i) => {
    if (names.length && !names.includes(section.name)) return;
    const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--section", String(i)], {
      stdio: "inherit",
    });
    failed ||= run.status !== 0;
  });
  process.exit(failed ? 1 : 0);
}
