import { LineChart } from "@/components/charts/line-chart";
import type { LearningCurvePoint } from "@/lib/rm/eval/train-and-evaluate";

/** Held-out accuracy against the number of training judgments used (the version's learning curve). */
export function LearningCurveChart({ points }: { points: readonly LearningCurvePoint[] }) {
  if (points.length === 0) {
    return (
      <p className="text-sm text-stone-600">No learning curve: the version had too few prompts to hold some out.</p>
    );
  }
  const data = points.map((p) => ({
    judgments: p.judgments,
    accuracy: p.pairwiseAccuracy === null ? null : Math.round(p.pairwiseAccuracy * 1000) / 10,
    perJudgment: p.judgmentAccuracy === null ? null : Math.round(p.judgmentAccuracy * 1000) / 10,
  }));
  return (
    <LineChart
      label="Learning curve: held-out accuracy (%) against the training judgments used"
      data={data}
      xKey="judgments"
      yLabel="accuracy %"
      yDomain={[0, 100]}
      series={[
        { key: "accuracy", label: "vs. majority vote" },
        { key: "perJudgment", label: "vs. single judgments" },
      ]}
    />
  );
}
