import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect } from "../../lib/db";
import { seedGoLabProject } from "../../lib/demo/go-lab";
import { computeBestOfN } from "../../lib/lab-service";
import { useFreshDatabase } from "../setup/database";

// What the lab shows on the demo's data: best-of-n against a model trained on labelers with a
// vibe, next to one trained on truth-following labelers (same positions, same crowd noise).

beforeAll(async () => {
  await useFreshDatabase();
});

afterAll(async () => {
  await disconnect();
});

describe("the Goodhart curve with and without a vibe", () => {
  it(
    "raises the proxy with n for both models and reports the truth each buys",
    async () => {
      const curves = [];
      for (const vibe of [2, 0]) {
        const t = performance.now();
        const project = await seedGoLabProject({ slug: `go-vibe-${vibe}`, name: `vibe ${vibe}`, vibe });
        const seeded = (performance.now() - t) / 1000;
        const curve = await computeBestOfN(project);
        const first = curve.points[0];
        const last = curve.points.at(-1);
        console.log(
          `vibe ${vibe}: seeded in ${seeded.toFixed(1)} s; curve in ${curve.seconds.total.toFixed(1)} s; ` +
            `truth n=1 ${first?.truth.mean.toFixed(3)} → n=${curve.samples} ${last?.truth.mean.toFixed(3)} ` +
            `[${last?.truth.ci_low.toFixed(3)}, ${last?.truth.ci_high.toFixed(3)}]; fit ${JSON.stringify(curve.fit)}`,
        );
        console.log(curve.points.map((p) => `${p.n}:${p.truth.mean.toFixed(3)}/${p.proxy.mean.toFixed(2)}`).join(" "));
        expect(last?.proxy.mean).toBeGreaterThan(first?.proxy.mean ?? 0);
        curves.push(curve);
      }
    },
    30 * 60_000,
  );
});
