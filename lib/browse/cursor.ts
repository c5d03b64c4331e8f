/**
 * Keyset position in a list ordered by (createdAt, id): the last row of a page. Written into
 * URLs, so a page stays the same page however many rows arrive meanwhile.
 */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

/** The cursor in `value`, or null when it is not one this code wrote. */
export function decodeCursor(value: string): Cursor | null {
  const [iso, id, ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (!iso || !id || rest.length) return null;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) return null;
  return { createdAt, id };
}
