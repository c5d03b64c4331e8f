"use client";

import { useState } from "react";
import { BarChart } from "@/components/charts/bar-chart";

type Props = { buckets: string[]; labelers: { userId: string; label: string; histogram: number[] }[] };

/** Decision times of all labelers, or of one chosen from the list. */
export function TimeHistogram({ buckets, labelers }: Props) {
  const [who, setWho] = useState("");
  const chosen = labelers.filter((l) => who === "" || l.userId === who);
  const data = buckets.map((bucket, i) => ({
    bucket,
    decisions: chosen.reduce((sum, l) => sum + (l.histogram[i] ?? 0), 0),
  }));
  const name = labelers.find((l) => l.userId === who)?.label ?? "all labelers";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="histogram-labeler" className="font-medium">
          Decision times of
        </label>
        <select
          id="histogram-labeler"
          value={who}
          onChange={(e) => setWho(e.target.value)}
          className="min-w-0 max-w-full rounded border border-stone-300 px-2 py-1"
        >
          <option value="">all labelers</option>
          {labelers.map((l) => (
            <option key={l.userId} value={l.userId}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <BarChart
        label={`Decisions by time taken, ${name}`}
        data={data}
        xKey="bucket"
        bars={[{ key: "decisions", label: "Decisions" }]}
      />
    </div>
  );
}
