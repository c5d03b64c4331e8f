import type { SchemaElement } from "hyparquet";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { Column } from "../rows/columns";
import type { ExportRow } from "../rows/shape";

/**
 * Parquet is columnar, so rows are gathered into row groups and each group is written and handed
 * on before the next is read: memory is bounded by one group (ROW_GROUP_ROWS rows or about
 * ROW_GROUP_CHARS characters of text, whichever comes first), not by the export.
 */
export const ROW_GROUP_ROWS = 50_000;
const ROW_GROUP_CHARS = 32_000_000;

export function parquetSchema(columns: Column[]): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }];
  for (const c of columns) {
    const repetition_type = c.nullable ? "OPTIONAL" : "REQUIRED";
    if (c.kind === "messages") {
      // TRL and `datasets` read a conversation as list<struct<role, content>>.
      schema.push(
        { name: c.name, repetition_type, converted_type: "LIST", num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", repetition_type: "REQUIRED", num_children: 2 },
        { name: "role", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
        { name: "content", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
      );
    } else schema.push({ name: c.name, repetition_type, ...PRIMITIVE[c.kind] });
  }
  return schema;
}

const PRIMITIVE: Record<Exclude<Column["kind"], "messages">, Omit<SchemaElement, "name">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  int: { type: "INT32" },
  float: { type: "DOUBLE" },
  bool: { type: "BOOLEAN" },
  timestamp: { type: "INT64", converted_type: "TIMESTAMP_MILLIS" },
};

/** A ByteWriter whose bytes are taken out after every row group instead of growing with the file. */
class DrainedWriter extends ByteWriter {
  take(): Uint8Array {
    const bytes = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return bytes;
  }
}

export async function* parquetChunks(
  columns: Column[],
  batches: AsyncIterable<ExportRow[]>,
  metadata: Record<string, string>,
): AsyncGenerator<Uint8Array> {
  const writer = new DrainedWriter(1 << 20);
  const parquet = new ParquetWriter({
    writer,
    schema: parquetSchema(columns),
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: "vibecheck export",
  });
  // The group is kept as one array per column, filled as rows arrive: what the writer takes, and
  // no row object outlives its batch.
  let group: unknown[][] = columns.map(() => []);
  let rowCount = 0;
  let chars = 0;
  const flush = async () => {
    const columnData = columns.map((c, i) => ({ name: c.name, data: group[i] as unknown[] }));
    await parquet.write({ columnData, rowGroupSize: rowCount });
    group = columns.map(() => []);
    rowCount = 0;
    chars = 0;
    return writer.take();
  };
  yield writer.take(); // the magic bytes
  for await (const rows of batches) {
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) {
        const value = row[(columns[i] as Column).name] ?? null;
        (group[i] as unknown[]).push(value);
        if (typeof value === "string") chars += value.length;
      }
      rowCount++;
      if (rowCount >= ROW_GROUP_ROWS || chars >= ROW_GROUP_CHARS) yield await flush();
    }
  }
  if (rowCount > 0) yield await flush();
  await parquet.finish();
  yield writer.take();
}
