/**
 * mulberry32: a 32-bit PRNG that is fast, small and good enough for Monte Carlo playouts. A
 * seed fixes the whole stream, so estimates can be reproduced and compared across runs.
 */
export class Rng {
  // A typed array keeps the 32-bit state unboxed; a plain field would allocate heap numbers.
  private readonly state = new Int32Array(1);

  constructor(seed: number) {
    this.state[0] = seed;
  }

  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /**
   * A uniform integer in [0, n) for 1 <= n <= 1024, from the top 21 bits: the product stays below
   * 2^31, so it is all small-integer arithmetic, and the bias is under n / 2^21 <= 2^-11.
   */
  below(n: number): number {
    return ((this.nextInt32() >>> 11) * n) >>> 21;
  }

  private nextInt32(): number {
    let t = ((this.state[0] as number) + 0x6d2b79f5) | 0;
    this.state[0] = t;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  }
}
