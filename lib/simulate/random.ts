import { createHash } from "node:crypto";

// Every random draw of the simulator is a hash of what it is about (seed, labeler, pair, order),
// not the next number of a shared stream: concurrent labelers then make the same decisions
// whatever order their requests happen to run in, so a run is reproducible from its seed given
// the same serving order.

/** A uniform number in [0, 1) determined by `parts`. */
export function hashUniform(...parts: (string | number)[]): number {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  // 53 random bits: 32 from the first word, 21 from the second.
  return (digest.readUInt32BE(0) * 2 ** 21 + (digest.readUInt32BE(4) >>> 11)) / 2 ** 53;
}

/** A standard normal number determined by `parts` (Box–Muller over two hashed uniforms). */
export function hashNormal(...parts: (string | number)[]): number {
  const u = 1 - hashUniform(...parts, "u");
  const v = hashUniform(...parts, "v");
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A seeded stream for draws that are naturally sequential per labeler. */
export { mulberry32 as seededStream } from "../random";
