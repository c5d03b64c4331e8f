import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { type InferenceSession, Tensor } from "onnxruntime-node";
import { createRewardSession, type RmDevice } from "../onnx/session";
import type { SentenceEncoderInfo } from "./encoder-spec";

// A local ONNX sentence encoder (RM_TEXT_ENCODER): a directory laid out like a Hugging Face repo,
// with model.onnx or onnx/model.onnx and tokenizer.json (tokenizer_config.json optional). A text's
// embedding is the mean of the token vectors under the attention mask (or the model's own pooled
// output when it has one), L2-normalized, as sentence-transformers computes it.
//
// Truncation: @huggingface/tokenizers 0.2 ignores the "truncation" of tokenizer.json, so texts are
// cut here. Like the Rust tokenizers' truncation of a single text, the cut falls on the text's own
// tokens and keeps what the post-processor appends ([SEP] for BERT): a long text becomes its first
// maxTokens − 1 tokens (with [CLS]) and [SEP].

const BATCH = 32;
const DEFAULT_MAX_TOKENS = 256;
/** The inputs fed; a model that takes any other input is refused at load. */
const INPUTS = new Set(["input_ids", "attention_mask", "token_type_ids"]);

export type SentenceEncoderOptions = {
  /** Tokens per text, special tokens included (default 256, capped at tokenizer_config's model_max_length). */
  maxTokens?: number;
  /** Default cpu; cuda falls back to CPU as the reward model does (onnx/session.ts). */
  device?: RmDevice;
  /** onnxruntime threads per run (default 1, as for the reward model). */
  intraOpThreads?: number;
};

type Pooling = SentenceEncoderInfo["pooling"];

export class SentenceEncoder {
  private released = false;

  private constructor(
    readonly info: SentenceEncoderInfo,
    private readonly session: InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly padId: number,
    /** How many special tokens the post-processor puts after the text's tokens. */
    private readonly suffixLength: number,
  ) {}

  static async load(dir: string, options: SentenceEncoderOptions = {}): Promise<SentenceEncoder> {
    const where = `RM_TEXT_ENCODER=${dir}`;
    const example = "e.g. an export of sentence-transformers/all-MiniLM-L6-v2";
    if (!(await isFile(dir, "directory"))) {
      throw new Error(
        `${where}: ${dir} is not a directory; point it to a local directory holding an ONNX sentence encoder (model.onnx or onnx/model.onnx) and its tokenizer.json (${example}).`,
      );
    }
    const candidates = [path.join(dir, "model.onnx"), path.join(dir, "onnx", "model.onnx")];
    const found = await Promise.all(candidates.map(async (p) => ((await isFile(p)) ? p : undefined)));
    const modelPath = found.find((p) => p !== undefined);
    if (!modelPath) {
      throw new Error(
        `${where}: no model.onnx or onnx/model.onnx in ${dir}; put an ONNX sentence encoder (${example}) there.`,
      );
    }
    const tokenizerPath = path.join(dir, "tokenizer.json");
    const tokenizerBytes = await readFile(tokenizerPath).catch((error: unknown) => {
      throw new Error(
        `${where}: cannot read ${tokenizerPath} (${reason(error)}); put the encoder's Hugging Face tokenizer.json there.`,
      );
    });
    const tokenizerJson = parseJson(tokenizerBytes, tokenizerPath, where);
    const configPath = path.join(dir, "tokenizer_config.json");
    const config = (await isFile(configPath)) ? parseJson(await readFile(configPath), configPath, where) : {};
    let tokenizer: Tokenizer;
    try {
      tokenizer = new Tokenizer(tokenizerJson, config);
    } catch (error) {
      throw new Error(
        `${where}: ${tokenizerPath} is not a tokenizer @huggingface/tokenizers can load (${reason(error)}).`,
      );
    }

    // The post-processor's special tokens around a probe text: how many there are, how many follow it.
    const probe = tokenizer.encode("hello world").ids;
    const plain = tokenizer.encode("hello world", { add_special_tokens: false }).ids;
    const specials = probe.length - plain.length;
    const prefix = Array.from({ length: specials + 1 }, (_, p) => p).find((p) =>
      plain.every((id, j) => probe[p + j] === id),
    );
    const suffixLength = specials - (prefix ?? 0);
    const modelMax = (config as { model_max_length?: unknown }).model_max_length;
    const requested = options.maxTokens ?? DEFAULT_MAX_TOKENS;
    const maxTokens = typeof modelMax === "number" && modelMax > 0 ? Math.min(requested, modelMax) : requested;
    if (!Number.isInteger(maxTokens) || maxTokens <= specials) {
      throw new Error(
        `${where}: maxTokens must be a whole number above the ${specials} special tokens the tokenizer adds (got ${requested}).`,
      );
    }
    const padding = (tokenizerJson as { padding?: { pad_id?: unknown } | null }).padding;
    const padToken = (config as { pad_token?: unknown }).pad_token;
    const padId =
      typeof padding?.pad_id === "number"
        ? padding.pad_id
        : ((typeof padToken === "string" ? tokenizer.token_to_id(padToken) : undefined) ?? 0);

    const modelBytes = await readFile(modelPath).catch((error: unknown) => {
      throw new Error(`${where}: cannot read ${modelPath} (${reason(error)}).`);
    });
    let session: InferenceSession;
    try {
      const device = options.device ?? "cpu";
      ({ session } = await createRewardSession(modelBytes, { device, intraOpThreads: options.intraOpThreads }));
    } catch (error) {
      // A clone without `git lfs pull` leaves a small text pointer where the model should be.
      const lfs = Buffer.from(modelBytes.subarray(0, 40)).toString("latin1").startsWith("version https://git-lfs");
      const hint = lfs ? "; it is a Git LFS pointer, fetch the real file with git lfs pull" : "";
      throw new Error(`${where}: onnxruntime cannot load ${modelPath} as an ONNX model (${reason(error)})${hint}.`);
    }
    const unknown = session.inputNames.filter((name) => !INPUTS.has(name));
    if (!session.inputNames.includes("input_ids") || unknown.length > 0) {
      await session.release();
      throw new Error(
        `${where}: ${modelPath} takes the inputs ${session.inputNames.join(", ")}; a sentence encoder here must take input_ids and at most attention_mask and token_type_ids besides.`,
      );
    }
    // One run finds the embedding size and whether the model pools itself.
    let probeRun: { vectors: Float32Array[]; pooling: Pooling };
    try {
      probeRun = await run(session, [probe], padId);
    } catch (error) {
      await session.release();
      throw new Error(`${where}: ${modelPath} does not run as a sentence encoder: ${reason(error)}`);
    }
    const info = {
      modelSha256: sha256(modelBytes),
      tokenizerSha256: sha256(tokenizerBytes),
      hiddenSize: probeRun.vectors[0]?.length ?? 0,
      maxTokens,
      pooling: probeRun.pooling,
    };
    return new SentenceEncoder(info, session, tokenizer, padId, suffixLength);
  }

  /** L2-normalized embeddings, in the order of the texts. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.released) throw new Error("This sentence encoder was released; load it again.");
    const ids = texts.map((text) => this.tokenIds(text));
    // Texts of similar length share a run so that little is padded; padding does not change a result.
    const order = Array.from(ids.keys()).sort((a, b) => (ids[a]?.length ?? 0) - (ids[b]?.length ?? 0) || a - b);
    const embeddings = new Array<Float32Array>(texts.length);
    for (let from = 0; from < order.length; from += BATCH) {
      const chunk = order.slice(from, from + BATCH);
      const { vectors } = await run(
        this.session,
        chunk.map((i) => ids[i] as number[]),
        this.padId,
      );
      chunk.forEach((i, j) => {
        embeddings[i] = vectors[j] as Float32Array;
      });
    }
    return embeddings;
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.session.release();
  }

  private tokenIds(text: string): number[] {
    const ids = this.tokenizer.encode(text).ids;
    const { maxTokens } = this.info;
    if (ids.length <= maxTokens) return ids;
    return [...ids.slice(0, maxTokens - this.suffixLength), ...ids.slice(ids.length - this.suffixLength)];
  }
}

/** One onnxruntime run over token-id rows, padded to the longest; the pooled, normalized vectors. */
async function run(
  session: InferenceSession,
  rows: number[][],
  padId: number,
): Promise<{ vectors: Float32Array[]; pooling: Pooling }> {
  const n = rows.length;
  const t = Math.max(1, ...rows.map((row) => row.length));
  const inputIds = new BigInt64Array(n * t).fill(BigInt(padId));
  const mask = new BigInt64Array(n * t);
  rows.forEach((row, r) => {
    row.forEach((id, j) => {
      inputIds[r * t + j] = BigInt(id);
      mask[r * t + j] = 1n;
    });
  });
  const feeds: Record<string, Tensor> = { input_ids: new Tensor("int64", inputIds, [n, t]) };
  if (session.inputNames.includes("attention_mask")) feeds.attention_mask = new Tensor("int64", mask, [n, t]);
  if (session.inputNames.includes("token_type_ids")) {
    feeds.token_type_ids = new Tensor("int64", new BigInt64Array(n * t), [n, t]);
  }
  const name = session.outputNames[0] as string;
  const output = (await session.run(feeds, [name]))[name];
  const dims = output?.dims ?? [];
  if (!(output?.data instanceof Float32Array) || dims[0] !== n || (dims.length !== 2 && dims.length !== 3)) {
    throw new Error(
      `its first output ${name} is ${output?.type} [${dims.join(", ")}]; expected float32 token vectors [N, T, H] or pooled embeddings [N, H].`,
    );
  }
  const data = output.data;
  const h = dims[dims.length - 1] as number;
  if (dims.length === 2) {
    return {
      vectors: rows.map((_, r) => normalize(Float64Array.from(data.subarray(r * h, (r + 1) * h)))),
      pooling: "model",
    };
  }
  // Mean over the tokens under the attention mask: each row's first row.length positions.
  const vectors = rows.map((row, r) => {
    const sum = new Float64Array(h);
    for (let j = 0; j < row.length; j++) {
      const offset = (r * t + j) * h;
      for (let k = 0; k < h; k++) sum[k] = (sum[k] as number) + (data[offset + k] as number);
    }
    return normalize(sum);
  });
  return { vectors, pooling: "mean" };
}

/** The unit vector along v (the mean's 1/count cancels here); a zero vector stays zero. */
function normalize(v: Float64Array): Float32Array {
  const norm = Math.hypot(...v);
  return Float32Array.from(v, (x) => (norm > 0 ? x / norm : 0));
}

async function isFile(p: string, kind: "file" | "directory" = "file"): Promise<boolean> {
  const stats = await stat(p).catch(() => undefined);
  return kind === "file" ? stats?.isFile() === true : stats?.isDirectory() === true;
}

function parseJson(bytes: Buffer, file: string, where: string): object {
  try {
    const value: unknown = JSON.parse(bytes.toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
    throw new Error("not a JSON object");
  } catch (error) {
    throw new Error(`${where}: ${file} is not valid JSON (${reason(error)}).`);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}
