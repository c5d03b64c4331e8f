// onnxruntime-node is CommonJS; Node's ESM loader (and tsx) expose its named exports, so a plain
// named import works from Node, tsx and vitest alike.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { InferenceSession, Tensor } from "onnxruntime-node";
import type { SparseVector } from "../features/featurize";

export type RmDevice = "cpu" | "cuda";

export type RewardSession = {
  readonly session: InferenceSession;
  /** The device actually used, which is "cpu" after a CUDA fallback. */
  readonly device: RmDevice;
  inFlight: number;
  retired: boolean;
  released: boolean;
};

export type SessionOptions = {
  /** Defaults to RM_DEVICE (cpu when unset). */
  device?: RmDevice;
  /**
   * Threads for one inference (default 1). On the two-core machines here one thread scored faster
   * than onnxruntime's default of one per core, and leaves a core to the web tier and the trainer.
   */
  intraOpThreads?: number;
  log?: (line: string) => void;
};

/** Reads RM_DEVICE; anything but cpu/cuda stops with a message that says what to set. */
export function deviceFromEnv(env: Record<string, string | undefined> = process.env): RmDevice {
  const value = (env.RM_DEVICE ?? "").trim().toLowerCase();
  if (value === "" || value === "cpu") return "cpu";
  if (value === "cuda") return "cuda";
  throw new Error(`RM_DEVICE must be "cpu" or "cuda" (got "${env.RM_DEVICE}"); unset it to score on CPU.`);
}

let cudaFallbackLogged = false;

export async function createRewardSession(bytes: Uint8Array, options: SessionOptions = {}): Promise<RewardSession> {
  const device = options.device ?? deviceFromEnv();
  const base: InferenceSession.SessionOptions = {
    graphOptimizationLevel: "all",
    intraOpNumThreads: options.intraOpThreads ?? 1,
  };
  if (device === "cuda") {
    // Asking onnxruntime for CUDA without the provider library makes it print a multi-line native
    // error that no log level silences, so look for the library first.
    let reason = "its CUDA provider library is not installed";
    if (cudaProviderInstalled()) {
      try {
        const session = await InferenceSession.create(bytes, { ...base, executionProviders: ["cuda"] });
        return { session, device: "cuda", inFlight: 0, retired: false, released: false };
      } catch (error) {
        reason = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
      }
    }
    if (!cudaFallbackLogged) {
      cudaFallbackLogged = true;
      (options.log ?? console.warn)(
        `[rm] RM_DEVICE=cuda but onnxruntime-node cannot use CUDA (${reason}); scoring on CPU. On a GPU host, install onnxruntime-node with ONNXRUNTIME_NODE_INSTALL=cuda12.`,
      );
    }
  }
  const session = await InferenceSession.create(bytes, { ...base, executionProviders: ["cpu"] });
  return { session, device: "cpu", inFlight: 0, retired: false, released: false };
}

/** Whether onnxruntime-node's install put the CUDA provider next to its native binding. */
function cudaProviderInstalled(): boolean {
  const main = createRequire(import.meta.url).resolve("onnxruntime-node");
  const binding = path.join(path.dirname(main), "..", "bin", "napi-v6", process.platform, process.arch);
  const library = process.platform === "win32" ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so";
  return existsSync(path.join(binding, library));
}

/**
 * Rewards of the candidates, in order. Candidates are sorted by length and run in chunks of at most
 * `maxCells` padded non-zeros, so that padding stays small and the [N, K, H] intermediate of the
 * Gather stays bounded (2^17 cells × 32 hidden units = 16 MB).
 */
export async function scoreBatch(
  rewardSession: RewardSession,
  vectors: readonly SparseVector[],
  options: { maxCells?: number } = {},
): Promise<Float32Array> {
  const maxCells = options.maxCells ?? 1 << 17;
  const rewards = new Float32Array(vectors.length);
  const order = Array.from(vectors.keys()).sort((a, b) => nnz(vectors[a]) - nnz(vectors[b]) || a - b);
  if (rewardSession.released) {
    throw new Error("This reward-model session was released; get it again with sharedRewardSession.");
  }
  rewardSession.inFlight++;
  try {
    for (let from = 0; from < order.length; ) {
      let to = from + 1;
      while (to < order.length && (to + 1 - from) * Math.max(1, nnz(vectors[order[to] as number])) <= maxCells) to++;
      const chunk = order.slice(from, to);
      const scores = await runChunk(
        rewardSession.session,
        chunk.map((i) => vectors[i] as SparseVector),
      );
      chunk.forEach((i, j) => {
        rewards[i] = scores[j] as number;
      });
      from = to;
    }
  } finally {
    rewardSession.inFlight--;
    await releaseIfIdle(rewardSession);
  }
  return rewards;
}

function nnz(v: SparseVector | undefined): number {
  return v?.indices.length ?? 0;
}

async function runChunk(session: InferenceSession, vectors: SparseVector[]): Promise<Float32Array> {
  const n = vectors.length;
  const k = Math.max(1, ...vectors.map(nnz));
  const indices = new BigInt64Array(n * k);
  // Slots are non-negative and below 2^31: writing the low 32-bit word (little-endian, checked at
  // export) is the same as BigInt conversion, without a BigInt per element.
  const words = new Int32Array(indices.buffer);
  const values = new Float32Array(n * k);
  vectors.forEach((v, row) => {
    for (let j = 0; j < v.indices.length; j++) words[2 * (row * k + j)] = v.indices[j] as number;
    values.set(v.values, row * k);
  });
  const output = await session.run({
    indices: new Tensor("int64", indices, [n, k]),
    values: new Tensor("float32", values, [n, k]),
  });
  const reward = output.reward;
  if (!reward || !(reward.data instanceof Float32Array)) throw new Error("The model has no float output named reward.");
  return reward.data;
}

// One session per model version per process: loading parses the weights and plans the graph, and a
// session is safe to share between concurrent runs.
const shared = new Map<string, Promise<RewardSession>>();
const MAX_SHARED = 4;

/**
 * The process-wide session of a model version, loaded on first use. When more than four versions
 * are loaded the least recently used one is released once its running batches finish, so ask for
 * the session each time instead of keeping it.
 */
export function sharedRewardSession(
  versionId: string,
  loadBytes: () => Promise<Uint8Array> | Uint8Array,
  options: SessionOptions = {},
): Promise<RewardSession> {
  const cached = shared.get(versionId);
  if (cached) {
    shared.delete(versionId);
    shared.set(versionId, cached);
    return cached;
  }
  const loading = (async () => createRewardSession(await loadBytes(), options))();
  shared.set(versionId, loading);
  loading.catch(() => {
    if (shared.get(versionId) === loading) shared.delete(versionId);
  });
  for (const [oldest] of shared) {
    if (shared.size <= MAX_SHARED) break;
    releaseSharedSession(oldest).catch((error: unknown) => {
      console.warn(`[rm] could not release the session of model ${oldest}: ${String(error)}`);
    });
  }
  return loading;
}

/** Drops a version from the cache; its session is released when no batch is running on it. */
export async function releaseSharedSession(versionId: string): Promise<void> {
  const entry = shared.get(versionId);
  if (!entry) return;
  shared.delete(versionId);
  const rewardSession = await entry.catch(() => undefined);
  if (!rewardSession) return;
  rewardSession.retired = true;
  await releaseIfIdle(rewardSession);
}

async function releaseIfIdle(rewardSession: RewardSession): Promise<void> {
  if (!rewardSession.retired || rewardSession.inFlight > 0 || rewardSession.released) return;
  rewardSession.released = true;
  await rewardSession.session.release();
}
