import { stringify } from "csv-stringify/sync";
import type { Column } from "../rows/columns";
import type { ExportRow } from "../rows/shape";

/**
 * RFC 4180 CSV with a header row (csv-stringify quotes what needs quoting). Cells are text: dates
 * as ISO strings, booleans as true/false, conversational columns as their JSON, nulls empty.
 */
export async function* csvChunks(columns: Column[], batches: AsyncIterable<ExportRow[]>): AsyncGenerator<Uint8Array> {
  const names = columns.map((c) => c.name);
  yield Buffer.from(stringify([names]), "utf8");
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    const text = stringify(rows, {
      columns: names,
      cast: {
        boolean: (value) => (value ? "true" : "false"),
        date: (value) => value.toISOString(),
        object: (value) => JSON.stringify(value),
      },
    });
    yield Buffer.from(text, "utf8");
  }
}
