import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { DomainError } from "../errors";
import { type ImportOptions, importFile } from "./import";
import type { ImportProject, ImportSummary } from "./write";

export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;
/** req.formData() holds the whole form in memory, so forms get a smaller limit than raw bodies. */
export const MAX_FORM_BYTES = 50 * 1024 * 1024;

export function uploadTooLarge(maxBytes: number, hint = ""): DomainError {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new DomainError(
    "UPLOAD_TOO_LARGE",
    `The upload is larger than ${mb} MB. ${hint}Split the file into parts (re-importing is safe) or use the CLI: npm run import -- --project <slug> <file>.`,
  );
}

/**
 * Imports an uploaded JSONL body: streams it to a temporary file (two passes need to read it twice,
 * and memory must not hold it), imports the file, and deletes it whatever happens.
 */
export async function importUpload(
  body: ReadableStream<Uint8Array> | Readable,
  project: ImportProject,
  options: ImportOptions & { maxBytes?: number } = {},
): Promise<ImportSummary> {
  const dir = await mkdtemp(path.join(tmpdir(), "vibecheck-import-"));
  try {
    const file = path.join(dir, "upload.jsonl");
    await saveStream(body, file, options.maxBytes ?? MAX_UPLOAD_BYTES);
    return await importFile(file, project, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function saveStream(body: ReadableStream<Uint8Array> | Readable, file: string, maxBytes: number): Promise<void> {
  const source = body instanceof Readable ? body : Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > maxBytes ? uploadTooLarge(maxBytes) : null, chunk);
    },
  });
  await pipeline(source, limit, createWriteStream(file));
}

/**
 * A multipart upload form, read with a size limit that holds whether or not the client sent a
 * Content-Length (formData() itself has none).
 */
export async function readUploadForm(body: ReadableStream<Uint8Array>, contentType: string): Promise<FormData> {
  const tooLarge = () =>
    uploadTooLarge(MAX_FORM_BYTES, "Form uploads are read into memory; send big files as the raw request body. ");
  let bytes = 0;
  const limited = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > MAX_FORM_BYTES) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "content-type": contentType } }).formData();
  } catch {
    if (bytes > MAX_FORM_BYTES) throw tooLarge();
    throw new DomainError("BAD_FORM", "The upload is not a readable multipart form; send a form with a file field.");
  }
}
