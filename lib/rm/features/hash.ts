// Hashing for the featurizer. Written out here (not taken from a package) because the exact bit
// pattern is part of the featurizer spec: a stored model is only reproducible if this never changes.

/** MurmurHash3's 32-bit finalizer: a bijection that spreads every input bit over all output bits. */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * FNV-1a over the UTF-16 code units of `s[start, end)`, finished with fmix32. Plain FNV-1a leaves
 * the last characters poorly mixed into the high bits, and the featurizer takes the sign from bit 31.
 */
export function hashString(s: string, seed: number, start = 0, end = s.length): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Order-sensitive combination of two hashes, so (a, b) and (b, a) land in different slots. */
export function hashPair(a: number, b: number): number {
  return fmix32(Math.imul(a ^ 0x9e3779b9, 0x01000193) ^ b);
}
