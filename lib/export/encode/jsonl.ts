import type { ExportRow } from "../rows/shape";

/** One JSON object per line; dates as ISO strings. A whole batch becomes one chunk. */
export async function* jsonlChunks(batches: AsyncIterable<ExportRow[]>): AsyncGenerator<Uint8Array> {
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    let text = "";
    for (const row of rows) text += `${JSON.stringify(row)}\n`;
    yield Buffer.from(text, "utf8");
  }
}
