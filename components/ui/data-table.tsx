"use client";

import { useMemo, useState } from "react";
import { cellCsv, cellSortKey, cellText, type TableCell, type TableColumn, toCsv } from "./table-data";

type Props = {
  caption: string;
  columns: TableColumn[];
  rows: Record<string, TableCell>[];
  /** File name of the CSV download, without extension. */
  csvName: string;
  initialSort?: { key: string; descending?: boolean };
  empty?: string;
};

/**
 * A table a lead can sort by any column (click the header; again to reverse) and download as CSV
 * exactly as sorted. Rows are plain data so a server page can pass them in.
 */
export function DataTable({ caption, columns, rows, csvName, initialSort, empty = "Nothing to show yet." }: Props) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const sign = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = cellSortKey(a[sort.key]);
      const y = cellSortKey(b[sort.key]);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  }, [rows, sort]);

  function download() {
    const csv = toCsv(
      columns.map((c) => c.label),
      sorted.map((row) => columns.map((c) => cellCsv(row[c.key]))),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${csvName}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm font-medium">{caption}</p>
        <button
          type="button"
          onClick={download}
          disabled={rows.length === 0}
          className="rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-50"
        >
          Download CSV
        </button>
      </div>
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-50 text-left">
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
                    className={`px-3 py-2 font-medium whitespace-nowrap ${c.numeric ? "text-right" : ""}`}
                  >
                    <button
                      type="button"
                      className="underline-offset-4 hover:underline"
                      onClick={() => setSort({ key: c.key, descending: active ? !sort.descending : !!c.numeric })}
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort.descending ? " ↓" : " ↑") : ""}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-4 text-stone-600">
                  {empty}
                </td>
              </tr>
            )}
            {sorted.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; the order is the sort's.
              <tr key={i} className="border-t border-stone-100">
                {columns.map((c) => (
                  <td key={c.key} className={`px-3 py-2 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                    {cellText(row[c.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
