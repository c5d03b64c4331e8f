import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyEncoder } from "../../../tests/fixtures/tiny-encoder";
import { SentenceEncoder } from "./sentence-encoder";

const words = ["hello", "world", "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "##s"];
const hidden = 8;
const CLS = 2;
const SEP = 3;
const UNK = 1;

let root: string;
let dir: string;
let vocab: string[];
let table: Float32Array;
let encoder: SentenceEncoder;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "vibecheck-encoder-"));
  dir = path.join(root, "tiny");
  ({ vocab, embedding: table } = await writeTinyEncoder(dir, { words, hidden, seed: 7 }));
  encoder = await SentenceEncoder.load(dir);
});

afterAll(async () => {
  await encoder?.release();
  if (root) await rm(root, { recursive: true, force: true });
});

const id = (word: string) => vocab.indexOf(word);

/** The L2-normalized mean of tanh(E[id]) over the token ids, computed by hand. */
function expected(ids: number[]): number[] {
  const mean = Array.from({ length: hidden }, (_, k) => {
    let sum = 0;
    for (const i of ids) sum += Math.tanh(table[i * hidden + k] as number);
    return sum / ids.length;
  });
  const norm = Math.hypot(...mean);
  return mean.map((x) => x / norm);
}

function expectClose(actual: Float32Array | undefined, wanted: ArrayLike<number> | undefined, tolerance: number) {
  expect(actual).toBeDefined();
  expect(actual?.length).toBe(wanted?.length);
  const worst = Math.max(...Array.from(actual ?? [], (x, k) => Math.abs(x - (wanted?.[k] as number))));
  expect(worst).toBeLessThan(tolerance);
}

describe("SentenceEncoder", () => {
  it("embeds a text as the normalized mean of its token vectors, [CLS] and [SEP] included", async () => {
    const [embedding] = await encoder.embed(["Hello world"]);
    expectClose(embedding, expected([CLS, id("hello"), id("world"), SEP]), 1e-5);
    expect(Math.hypot(...(embedding ?? []))).toBeCloseTo(1, 6);
  });

  it("gives a text the same embedding whatever shares its batch", async () => {
    const long = Array.from({ length: 120 }, (_, i) => words[i % words.length]?.replace("##", "")).join(" ");
    const [alone] = await encoder.embed(["hello world"]);
    const [withLong] = await encoder.embed(["hello world", long]);
    const [, afterLong] = await encoder.embed([long, "hello world"]);
    expectClose(withLong, alone, 1e-6);
    expectClose(afterLong, alone, 1e-6);

    // More texts than one run takes, of many lengths, in the caller's order.
    const texts = Array.from({ length: 70 }, (_, i) => words.slice(0, 1 + (i % 10)).join(" ") + " fox".repeat(i));
    const together = await encoder.embed(texts);
    for (const [i, text] of texts.entries()) expectClose(together[i], (await encoder.embed([text]))[0], 1e-6);
  });

  it("maps unknown words to [UNK] and splits words into word pieces", async () => {
    const [unknown, dogs] = await encoder.embed(["hello zyzzyva", "lazy dogs"]);
    expectClose(unknown, expected([CLS, id("hello"), UNK, SEP]), 1e-5);
    expectClose(dogs, expected([CLS, id("lazy"), id("dog"), id("##s"), SEP]), 1e-5);
  });

  it("cuts a long text to maxTokens, keeping [CLS] and [SEP]", async () => {
    const short = await SentenceEncoder.load(dir, { maxTokens: 5 });
    try {
      expect(short.info.maxTokens).toBe(5);
      const [cut, fits] = await short.embed(["The quick brown fox jumps over", "quick brown fox"]);
      expectClose(cut, expected([CLS, id("the"), id("quick"), id("brown"), SEP]), 1e-5);
      expectClose(fits, expected([CLS, id("quick"), id("brown"), id("fox"), SEP]), 1e-5);
    } finally {
      await short.release();
    }
    await expect(SentenceEncoder.load(dir, { maxTokens: 2 })).rejects.toThrow(/maxTokens must be a whole number/);
  });

  it("reports the embedding size, pooling and the sha256 of its files", async () => {
    expect(encoder.info).toMatchObject({ hiddenSize: hidden, maxTokens: 256, pooling: "mean" });
    const model = await readFile(path.join(dir, "onnx", "model.onnx"));
    expect(encoder.info.modelSha256).toBe(createHash("sha256").update(model).digest("hex"));
    expect(encoder.info.tokenizerSha256).toMatch(/^[0-9a-f]{64}$/);

    // The same tokenizer written differently is other bytes: the hash follows the file.
    const copy = path.join(root, "copy");
    await cp(dir, copy, { recursive: true });
    const json = JSON.parse(await readFile(path.join(copy, "tokenizer.json"), "utf8"));
    await writeFile(path.join(copy, "tokenizer.json"), JSON.stringify(json));
    const other = await SentenceEncoder.load(copy);
    try {
      expect(other.info.modelSha256).toBe(encoder.info.modelSha256);
      expect(other.info.tokenizerSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(other.info.tokenizerSha256).not.toBe(encoder.info.tokenizerSha256);
    } finally {
      await other.release();
    }
  });

  it("reads model.onnx at the top of the directory and caps maxTokens at tokenizer_config's model_max_length", async () => {
    const flat = path.join(root, "flat");
    await mkdir(flat);
    await cp(path.join(dir, "onnx", "model.onnx"), path.join(flat, "model.onnx"));
    await cp(path.join(dir, "tokenizer.json"), path.join(flat, "tokenizer.json"));
    await writeFile(path.join(flat, "tokenizer_config.json"), JSON.stringify({ model_max_length: 6 }));
    const capped = await SentenceEncoder.load(flat);
    try {
      expect(capped.info.maxTokens).toBe(6);
      expect(capped.info.modelSha256).toBe(encoder.info.modelSha256);
    } finally {
      await capped.release();
    }
  });

  it("uses an already pooled [N, H] output as it is, feeding token_type_ids when the model takes them", async () => {
    const pooledDir = path.join(root, "pooled");
    await writeTinyEncoder(pooledDir, { words, hidden, seed: 7, pooled: true, tokenTypeIds: true });
    const pooled = await SentenceEncoder.load(pooledDir);
    try {
      expect(pooled.info).toMatchObject({ hiddenSize: hidden, pooling: "model" });
      const texts = ["hello world", "the quick brown fox jumps over the lazy dog"];
      const [a, b] = await pooled.embed(texts);
      const [wantA, wantB] = await encoder.embed(texts);
      expectClose(a, wantA, 1e-5);
      expectClose(b, wantB, 1e-5);
    } finally {
      await pooled.release();
    }
  });

  it("embeds no texts as no embeddings", async () => {
    expect(await encoder.embed([])).toEqual([]);
  });

  it("says which file is missing or wrong and what belongs there", async () => {
    const missing = path.join(root, "nowhere");
    await expect(SentenceEncoder.load(missing)).rejects.toThrow(
      `RM_TEXT_ENCODER=${missing}: ${missing} is not a directory`,
    );

    const noModel = path.join(root, "no-model");
    await mkdir(noModel);
    await cp(path.join(dir, "tokenizer.json"), path.join(noModel, "tokenizer.json"));
    await expect(SentenceEncoder.load(noModel)).rejects.toThrow(
      `RM_TEXT_ENCODER=${noModel}: no model.onnx or onnx/model.onnx in ${noModel}; put an ONNX sentence encoder`,
    );

    const noTokenizer = path.join(root, "no-tokenizer");
    await mkdir(noTokenizer);
    await cp(path.join(dir, "onnx", "model.onnx"), path.join(noTokenizer, "model.onnx"));
    await expect(SentenceEncoder.load(noTokenizer)).rejects.toThrow(
      `cannot read ${path.join(noTokenizer, "tokenizer.json")} (ENOENT`,
    );

    await writeFile(path.join(noTokenizer, "tokenizer.json"), "{ not json");
    await expect(SentenceEncoder.load(noTokenizer)).rejects.toThrow(
      `${path.join(noTokenizer, "tokenizer.json")} is not valid JSON`,
    );

    const pointer = path.join(root, "lfs-pointer");
    await mkdir(pointer);
    await cp(path.join(dir, "tokenizer.json"), path.join(pointer, "tokenizer.json"));
    await writeFile(path.join(pointer, "model.onnx"), "version https://git-lfs.github.com/spec/v1\noid sha256:00\n");
    await expect(SentenceEncoder.load(pointer)).rejects.toThrow(/cannot load .*model\.onnx.*git lfs pull/);
  });

  it("refuses to embed after release", async () => {
    const once = await SentenceEncoder.load(dir);
    await once.release();
    await expect(once.embed(["hello"])).rejects.toThrow(/released/);
  });
});
