import pg from "pg";

const TIMESTAMPTZ_OID = 1184;
const pgTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => Date;
const digits = (text: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
};

/**
 * A timestamptz as the export's session (TimeZone UTC) prints it, "2026-10-01 12:34:56.789+00",
 * read without pg's general date regex, which cost about a tenth of an export's time. Anything else
 * (another offset, BC, infinity, more than 3 fraction digits) goes to pg's own parser, so the Date is
 * always the one pg would have made.
 */
export function parseUtcTimestamp(text: string): Date {
  const n = text.length;
  const fraction = n > 22 ? n - 23 : 0; // digits after the dot
  const fast =
    n >= 22 &&
    fraction <= 3 &&
    text.charCodeAt(10) === 32 &&
    text.endsWith("+00") &&
    (fraction === 0 ? n === 22 : text.charCodeAt(19) === 46);
  if (fast) {
    const ms = fraction === 0 ? 0 : digits(text, 20, 20 + fraction) * 10 ** (3 - fraction);
    const at = Date.UTC(
      digits(text, 0, 4),
      digits(text, 5, 7) - 1,
      digits(text, 8, 10),
      digits(text, 11, 13),
      digits(text, 14, 16),
      digits(text, 17, 19),
      ms,
    );
    // Date.UTC maps years 0–99 to 1900–1999; those (and malformed digits, NaN) take the slow path.
    if (Number.isFinite(at) && text.charCodeAt(0) !== 48) return new Date(at);
  }
  return pgTimestamptz(text);
}

/** pg's type parsers with the fast timestamptz one: for the export's own queries only. */
export const exportTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMPTZ_OID && format !== "binary"
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};
