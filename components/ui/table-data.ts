/**
 * A table cell: a plain value, or a shown text with the value to sort by and the value to write
 * to CSV (an interval shows "0.71 (0.65–0.77)" but sorts by 0.71).
 */
export type TableCell = string | number | null | { text: string; sort: number | string | null; csv?: string };
export type TableColumn = { key: string; label: string; numeric?: boolean };

export function cellText(cell: TableCell | undefined): string {
  if (cell === null || cell === undefined) return "—";
  if (typeof cell === "object") return cell.text;
  return typeof cell === "number" ? cell.toLocaleString("en-US") : cell;
}

export function cellSortKey(cell: TableCell | undefined): number | string | null {
  if (cell === null || cell === undefined) return null;
  return typeof cell === "object" ? cell.sort : cell;
}

export function cellCsv(cell: TableCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return cell.csv ?? String(cell.sort ?? "");
  return String(cell);
}

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
export function toCsv(header: string[], rows: string[][]): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `${[header, ...rows].map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}
