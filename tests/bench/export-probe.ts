// No-database probe: 1,000,000 synthetic source rows (the bench seed's shapes) through
// encodeExport, to time shaping + encoding alone. `npx tsx tests/bench/export-probe.ts [format as]`.
import { createHash } from "node:crypto";
import { encodeExport } from "../../lib/export/encode/pipeline";
import { exportQuerySchema } from "../../lib/export/rows/options";
import type { VoteSource } from "../../lib/export/rows/source";

const N = Number(process.env.PROBE_ROWS ?? 1_000_000);
const PAIRS = 300_000;
const BATCH = 5_000;
const CHOICES = ["A", "B", "A", "B", "A", "B", "TIE", "BOTH_BAD"] as const;

function vote(k: number): VoteSource {
  // Ordered by pair: row k is the (k % per)-th vote of pair floor(k / per) (about 3.3 per pair).
  const q = Math.floor((k * PAIRS) / N);
  const i = k;
  const h = (Math.imul(i, 2654435761) >>> 0) ^ (i >>> 3);
  const p = Math.floor(q / 6);
  return {
    judgmentId: createHash("md5").update(String(i)).digest("hex"),
    pairId: `q${q}`,
    userId: `u${(i + q) % 200}`,
    choice: CHOICES[h & 7] as VoteSource["choice"],
    leftIsA: (h & 8) === 0,
    strength: null,
    rationale: ((h >> 4) & 7) < 2 ? `The rhythm of the left one is steadier; line ${i % 97} rhymes.` : null,
    durationMs: 800 + (h % 9000),
    createdAt: new Date(Date.UTC(2026, 9, 1) + Math.floor(i / 2) * 5184),
    isGold: q % 20 === 0,
    goldAnswer: q % 20 === 0 ? "A" : null,
    promptId: `prompt-${p}`,
    prompt: `Write a short poem about the number ${p}, in the style of a sea shanty.`,
    a: {
      id: "c1",
      text: `A candidate poem number 1 about the number ${p}. Waves and ropes and salt.`,
      source: "model-1",
      board: null,
      pBlackWins: null,
    },
    b: {
      id: "c2",
      text: `A candidate poem number 2 about the number ${p}. Waves and ropes and salt.`,
      source: "model-2",
      board: null,
      pBlackWins: null,
    },
  };
}

async function* batches(): AsyncGenerator<VoteSource[]> {
  for (let k = 0; k < N; k += BATCH) {
    const batch: VoteSource[] = [];
    for (let j = k; j < Math.min(N, k + BATCH); j++) batch.push(vote(j));
    yield batch;
  }
}

const [format = "votes", as = "jsonl", messages = "standard"] = process.argv.slice(2);
const spec = exportQuerySchema.parse({ format, as, messages, excludeGold: "false" });
// Build the source rows first so that only the export's own work is timed.
const all: VoteSource[][] = [];
for await (const b of batches()) all.push(b);
async function* replay() {
  for (const b of all) yield b;
}
const started = performance.now();
const encoded = encodeExport({ id: "bench", go: false, strength: false }, spec, replay());
let bytes = 0;
for await (const chunk of encoded.chunks) bytes += chunk.byteLength;
const seconds = (performance.now() - started) / 1000;
console.log(
  `${format} ${as} ${messages}: ${seconds.toFixed(2)} s, ${(bytes / 2 ** 20).toFixed(0)} MiB, sha256 ${encoded.digest().sha256.slice(0, 16)}, rows ${encoded.counts.rowsWritten}`,
);
