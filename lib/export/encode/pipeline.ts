import { createHash } from "node:crypto";
import { columnsFor, type ProjectShape } from "../rows/columns";
import { canonicalSpec, type ExportSpec } from "../rows/options";
import { pseudonymsFor } from "../rows/pseudonym";
import { emptyCounts, type RuleCounts, wholePairs } from "../rows/rules";
import { type ExportRow, rowsOfPairs } from "../rows/shape";
import type { VoteSource } from "../rows/source";
import { csvChunks } from "./csv";
import { jsonlChunks } from "./jsonl";
import { parquetChunks } from "./parquet";

export type EncodedExport = {
  chunks: AsyncGenerator<Uint8Array>;
  /** Filled in as the chunks are read; final once they are all read. */
  counts: RuleCounts;
  /** sha256 over the canonical spec and every byte of the file, and the byte count; final at the end. */
  digest: () => { sha256: string; bytes: number };
};

/**
 * Votes in (batches ordered by pair), file bytes out: rows by the spec's rule, encoded as its file
 * type. The hash covers the spec as well as the bytes, so it changes when the filters change even
 * if the rows happen not to; it never covers the cut-off time, so the same spec on unchanged data
 * hashes the same.
 */
export function encodeExport(
  project: ProjectShape,
  spec: ExportSpec,
  votes: AsyncIterable<VoteSource[]>,
): EncodedExport {
  const counts = emptyCounts();
  const labelerId = pseudonymsFor(project.id);
  const columns = columnsFor(project, spec);
  const described = JSON.stringify(canonicalSpec(spec));
  const hash = createHash("sha256").update(`${described}\n`);
  let bytes = 0;
  let sha256: string | null = null;

  async function* rows(): AsyncGenerator<ExportRow[]> {
    for await (const pairs of wholePairs(votes)) yield rowsOfPairs(pairs, project, spec, labelerId, counts);
  }
  const encoded =
    spec.as === "jsonl"
      ? jsonlChunks(rows())
      : spec.as === "csv"
        ? csvChunks(columns, rows())
        : parquetChunks(columns, rows(), { "vibecheck.export": described });

  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of encoded) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      yield chunk;
    }
    sha256 = hash.digest("hex");
  }
  return {
    chunks: chunks(),
    counts,
    digest: () => {
      if (sha256 === null) throw new Error("The export has not been read to the end yet.");
      return { sha256, bytes };
    },
  };
}
