import { Rng } from "./rng";

/**
 * Random 64-bit keys (two 32-bit halves) per colour and padded point. A position's hash is the XOR
 * of the keys of its stones, so a move or a capture updates it in O(stones changed). The seed is
 * fixed so hashes are stable across processes.
 */
export type ZobristKeys = { lo: Int32Array; hi: Int32Array };

const keysByArea = new Map<number, ZobristKeys>();

export function zobristKeys(area: number): ZobristKeys {
  const cached = keysByArea.get(area);
  if (cached) return cached;
  const rng = new Rng(0x5eed + area);
  // Indexed colour * area + point; colour 0 (empty) keeps zero keys so it never changes a hash.
  const lo = new Int32Array(3 * area);
  const hi = new Int32Array(3 * area);
  for (let i = area; i < 3 * area; i++) {
    lo[i] = rng.nextUint32() | 0;
    hi[i] = rng.nextUint32() | 0;
  }
  const keys = { lo, hi };
  keysByArea.set(area, keys);
  return keys;
}

/** 53 of the 64 bits, so the key is an exact JS number usable in a Set. */
export function combineHash(lo: number, hi: number): number {
  return (hi >>> 0) * 2097152 + (lo >>> 11);
}
