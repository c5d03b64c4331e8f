import { z } from "zod";
import { MAX_SIZE, MIN_SIZE } from "../../go/coords";

// The spec of the Go board featurizer (go-planes.ts). A board is read as planes of indicator
// features, one value per point and plane, from the view of the side the project's question asks
// about ("own" is that side's stones whoever is to move), so the model learns what is good for
// that side. Each board size has its own block of planes; a model reads the sizes it was trained on.

/** The planes in the order they are laid out. A stone in a group with 2 liberties is in "own" and "own-2-liberties". */
export const GO_PLANES = [
  "own",
  "opponent",
  "empty",
  "own-1-liberty",
  "own-2-liberties",
  "own-3+-liberties",
  "opponent-1-liberty",
  "opponent-2-liberties",
  "opponent-3+-liberties",
] as const;

/** Slots before the planes: whole-board scalars, each scaled to [−1, 1]. */
export const goScalarSlot = {
  /** 1 when the perspective side is to move, else 0. */
  ownToMove: 0,
  /** (own − opponent stones) / points. */
  stoneBalance: 1,
  /** (own − opponent Tromp-Taylor area) / points: stones plus empty regions bordered by one side only. */
  areaBalance: 2,
} as const;

const GO_RESERVED_SLOTS = 3;

const sizesSchema = z
  .array(z.number().int().min(MIN_SIZE).max(MAX_SIZE))
  .min(1)
  .refine((sizes) => sizes.every((s, i) => i === 0 || s > (sizes[i - 1] as number)), {
    message: "sizes must be distinct and in increasing order",
  });

export const goPlanesSpecSchema = z
  .object({
    name: z.literal("go-planes"),
    version: z.literal(1),
    /** The side the features are seen from: "own" planes are this colour's stones. */
    perspective: z.enum(["B", "W"]),
    /** Board sizes this featurizer reads; a board of another size is refused. */
    sizes: sizesSchema,
    /** Written out for readers of the model card; version 1 has exactly GO_PLANES, in that order. */
    planes: z
      .array(z.enum(GO_PLANES))
      .refine((planes) => planes.join() === GO_PLANES.join(), { message: `planes must be ${GO_PLANES.join(", ")}` }),
    reservedSlots: z.literal(GO_RESERVED_SLOTS),
    /** Each point's plane value: 1/size, so a board's own + opponent + empty planes have L2 norm 1 at any size. */
    pointValue: z.literal("1/size"),
    scalars: z.boolean(),
    dims: z.number().int().positive(),
  })
  .refine((s) => s.dims === goPlanesDims(s.sizes), { message: "dims must be 3 + 9 planes × size² summed over sizes" });

export type GoPlanesSpec = z.infer<typeof goPlanesSpecSchema>;

/** Where a size's block of planes starts. */
export function goPlanesOffset(sizes: readonly number[], size: number): number {
  let offset = GO_RESERVED_SLOTS;
  for (const s of sizes) {
    if (s === size) return offset;
    offset += GO_PLANES.length * s * s;
  }
  return -1;
}

export function goPlanesDims(sizes: readonly number[]): number {
  return sizes.reduce((sum, s) => sum + GO_PLANES.length * s * s, GO_RESERVED_SLOTS);
}

/** The featurizer of a Go project: seen from the question's side, reading the project's board sizes. */
export function goPlanesSpec(perspective: "B" | "W", sizes: Iterable<number>): GoPlanesSpec {
  const sorted = [...new Set(sizes)].sort((a, b) => a - b);
  return {
    name: "go-planes",
    version: 1,
    perspective,
    sizes: sorted,
    planes: [...GO_PLANES],
    reservedSlots: GO_RESERVED_SLOTS,
    pointValue: "1/size",
    scalars: true,
    dims: goPlanesDims(sorted),
  };
}
