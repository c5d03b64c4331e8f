import pg from "pg";

/** Rows held decoded but not yet taken, before the socket is paused: a few MB, whatever the export's size. */
const HIGH_WATER_ROWS = 20_000;

type Parser = (text: string) => unknown;

/**
 * Streams `COPY (query) TO STDOUT` as batches of rows (arrays of typed values), read with pg's own
 * type parsers for the columns the query returns. PostgreSQL sends one CopyData message per row and
 * keeps sending while Node shapes earlier rows (a FETCH, by contrast, waits for the next request),
 * and it may plan the query with parallel workers, which a cursor never uses. When HIGH_WATER_ROWS
 * rows wait unread the socket is paused, so memory stays bounded. A COPY cannot be interrupted on
 * a live connection: to stop early, end the client (pg then drops the connection of a running query).
 */
export function copyRows(
  client: pg.Client,
  sql: string,
  parsers: Parser[],
  batchRows: number,
): { batches: AsyncGenerator<unknown[][]>; running: () => boolean } {
  // Internal to pg, and what pg-copy-streams pauses too: the socket pg reads messages from.
  const socket = (client as unknown as { connection: { stream: import("node:net").Socket } }).connection.stream;
  const pending: string[] = [];
  let finished = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  class CopyOut extends pg.Query {
    handleCopyData(message: { chunk: Buffer }): void {
      // Decoded now: the chunk is a view into pg's read buffer, which is reused.
      pending.push(message.chunk.toString("utf8", 0, message.chunk.length - 1));
      if (pending.length >= HIGH_WATER_ROWS) socket.pause();
      if (pending.length >= batchRows) signal();
    }
  }
  client.query(
    new CopyOut(sql, [], (error: Error | undefined) => {
      finished = true;
      failure = error ?? null;
      signal();
    }),
  );
  let head = 0; // rows of `pending` already taken
  async function* batches(): AsyncGenerator<unknown[][]> {
    for (;;) {
      while (pending.length - head < batchRows && !finished) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      const end = Math.min(pending.length, head + batchRows);
      const rows: unknown[][] = [];
      for (let i = head; i < end; i++) rows.push(parseRow(pending[i] as string, parsers));
      head = end;
      if (head > HIGH_WATER_ROWS / 2 || head === pending.length) {
        pending.splice(0, head);
        head = 0;
      }
      if (socket.isPaused() && pending.length < HIGH_WATER_ROWS / 2) socket.resume();
      if (rows.length > 0) yield rows;
      else if (finished) return;
    }
  }
  return {
    batches: batches(),
    running: () => !finished,
  };
}

const ESCAPED: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** One line of COPY's text format: tab-separated, \N for null, backslash escapes for the rest. */
function parseRow(line: string, parsers: Parser[]): unknown[] {
  const fields: unknown[] = line.split("\t");
  for (let i = 0; i < fields.length; i++) {
    const text = fields[i] as string;
    if (text === "\\N") fields[i] = null;
    else {
      const raw = text.includes("\\") ? text.replace(/\\(.)/g, (_, c: string) => ESCAPED[c] ?? c) : text;
      fields[i] = (parsers[i] as Parser)(raw);
    }
  }
  return fields;
}
