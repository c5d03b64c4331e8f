import { boardFromPosition } from "../../go/candidate";
import { BLACK, EMPTY, WHITE } from "../../go/core";
import { emptyRegions, realLiberties } from "../../go/tactics";
import type { SparseVector } from "./featurize";
import { GO_PLANES, type GoPlanesSpec, goPlanesOffset, goScalarSlot } from "./go-spec";

const plane = Object.fromEntries(GO_PLANES.map((name, i) => [name, i])) as Record<(typeof GO_PLANES)[number], number>;

/**
 * The planes of a board candidate, read from its compact position string (`"X.O/.X./O.. W"`, the
 * text Vibecheck stores for board candidates). Throws PositionError for a string that is not a
 * position with its side to move, and an Error for a board size the spec does not read.
 */
export function featurizeGoBoard(spec: GoPlanesSpec, position: string): SparseVector {
  const { core, size } = boardFromPosition({ position });
  const offset = goPlanesOffset(spec.sizes, size);
  if (offset < 0) {
    throw new Error(
      `this reward model reads ${spec.sizes.map((s) => `${s}x${s}`).join(", ")} boards, not ${size}x${size}`,
    );
  }
  const own = spec.perspective === "B" ? BLACK : WHITE;
  const opponent = own === BLACK ? WHITE : BLACK;
  const points = size * size;
  // One list per plane, each filled in point order: concatenated they are in increasing index order.
  const lists: number[][] = GO_PLANES.map(() => []);
  const liberties = new Map<number, number>();
  let balance = 0;
  let area = 0;
  const regions = spec.scalars ? emptyRegions(core) : undefined;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p = core.pointAt(x, y);
      const point = y * size + x;
      const colour = core.colour[p];
      if (colour === EMPTY) {
        lists[plane.empty]?.push(point);
        const owner = regions?.owner[p];
        if (owner === own) area++;
        else if (owner === opponent) area--;
        continue;
      }
      const mine = colour === own;
      balance += mine ? 1 : -1;
      const root = core.groupOf[p] as number;
      let count = liberties.get(root);
      if (count === undefined) {
        count = realLiberties(core, p);
        liberties.set(root, count);
      }
      const band = count >= 3 ? 2 : count - 1;
      lists[mine ? plane.own : plane.opponent]?.push(point);
      lists[(mine ? plane["own-1-liberty"] : plane["opponent-1-liberty"]) + band]?.push(point);
    }
  }

  const scalars: [number, number][] = [];
  if (spec.scalars) {
    if (core.toPlay === own) scalars.push([goScalarSlot.ownToMove, 1]);
    if (balance !== 0) scalars.push([goScalarSlot.stoneBalance, balance / points]);
    if (balance + area !== 0) scalars.push([goScalarSlot.areaBalance, (balance + area) / points]);
  }
  const count = scalars.length + lists.reduce((n, list) => n + list.length, 0);
  const indices = new Int32Array(count);
  const values = new Float32Array(count);
  let k = 0;
  for (const [slot, value] of scalars) {
    indices[k] = slot;
    values[k++] = value;
  }
  const value = 1 / size;
  lists.forEach((list, planeIndex) => {
    const base = offset + planeIndex * points;
    for (const point of list) {
      indices[k] = base + point;
      values[k++] = value;
    }
  });
  return { indices, values };
}
