import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Project } from "../generated/prisma/client";
import { encodeExport } from "./encode/pipeline";
import { type ManifestView, saveManifest } from "./manifests";
import { modelCutoff } from "./models";
import type { ProjectShape } from "./rows/columns";
import { canonicalSpec, type ExportSpec, FILE_TYPES } from "./rows/options";
import { openVoteCursor } from "./source";

export type ExportRun = {
  filename: string;
  contentType: string;
  /** The file's bytes; once they are all read, the manifest is stored and is the generator's return value. */
  chunks: AsyncGenerator<Uint8Array, ManifestView>;
  /** Ends the read early (the client went away); no manifest is stored for an unfinished export. */
  cancel: () => Promise<void>;
};

export function projectShape(project: Pick<Project, "id" | "kind" | "strengthScale">): ProjectShape {
  return { id: project.id, go: project.kind === "GO", strength: project.strengthScale };
}

/**
 * Checks what only the database can check (the model version exists), opens the snapshot and
 * returns the stream. Refusals come before the first byte, so a bad request gets a 400, not a
 * broken download.
 */
export async function startExport(project: Project, spec: ExportSpec, requestedBy: string): Promise<ExportRun> {
  const after = await modelCutoff(project.id, spec.filters.afterModelVersion);
  const shape = projectShape(project);
  const cursor = await openVoteCursor(shape, spec.filters, after);
  const encoded = encodeExport(shape, spec, cursor.batches);
  async function* chunks(): AsyncGenerator<Uint8Array, ManifestView> {
    try {
      yield* encoded.chunks;
    } finally {
      await cursor.close();
    }
    const { sha256, bytes } = encoded.digest();
    return saveManifest({
      projectId: project.id,
      format: spec.format,
      fileType: spec.as,
      spec: canonicalSpec(spec),
      counts: encoded.counts,
      byteCount: bytes,
      cutoff: cursor.cutoff,
      contentSha256: sha256,
      requestedBy,
    });
  }
  const stamp = cursor.cutoff.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const { extension, contentType } = FILE_TYPES[spec.as];
  return {
    filename: `${project.slug}-${spec.format}-${stamp}.${extension}`,
    contentType,
    chunks: chunks(),
    cancel: cursor.close,
  };
}

/** Streams the export into a file (backpressure respected) and answers its manifest. */
export async function exportToFile(run: ExportRun, file: string): Promise<ManifestView> {
  const out = createWriteStream(file);
  try {
    for (;;) {
      const next = await run.chunks.next();
      if (next.done) {
        out.end();
        await once(out, "finish");
        return next.value;
      }
      if (!out.write(next.value)) await once(out, "drain");
    }
  } catch (error) {
    out.destroy();
    await run.cancel();
    throw error;
  }
}

/** The export as a Response body; the manifest is stored when the last byte has been pulled. */
export function exportBody(run: ExportRun): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await run.chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await run.chunks.return(undefined as never);
      await run.cancel();
    },
  });
}
