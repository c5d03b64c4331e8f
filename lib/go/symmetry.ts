/**
 * The 8 symmetries of the square board (identity, rotations, reflections) applied to a compact
 * position string (`"X.O/.X./O.. W"`; the side to move, when present, is kept). Who wins does not
 * change under any of them, which is what makes them free training data for a board reward model.
 * The identity comes first.
 */
export function boardSymmetries(position: string): string[] {
  const space = position.lastIndexOf(" ");
  const turn = space < 0 ? "" : position.slice(space);
  const rows = (space < 0 ? position : position.slice(0, space)).split("/");
  const n = rows.length;
  const variants: string[] = [];
  for (let t = 0; t < 8; t++) {
    const out: string[] = [];
    for (let y = 0; y < n; y++) {
      let row = "";
      for (let x = 0; x < n; x++) {
        let [sx, sy] = t & 4 ? [y, x] : [x, y];
        if (t & 1) sx = n - 1 - sx;
        if (t & 2) sy = n - 1 - sy;
        row += rows[sy]?.[sx] ?? "";
      }
      out.push(row);
    }
    variants.push(out.join("/") + turn);
  }
  return variants;
}
