import { combineHash, type ZobristKeys, zobristKeys } from "./zobrist";

export const EMPTY = 0;
export const BLACK = 1;
export const WHITE = 2;
/** Chosen as BLACK | WHITE so "own stone or edge" is one bit test: `(colour & mover) !== 0`. */
export const BORDER = 3;
export const NO_POINT = -1;

/**
 * Neighbour counts packed in one number per point, 4 bits each: empty neighbours, black
 * neighbours, white neighbours, edge points. A stone placed or removed adds a constant to each of
 * its four neighbours, so "has an empty neighbour", "is surrounded by one colour and the edge"
 * and "is next to an enemy" are one load and a mask instead of four loads and compares.
 */
const EMPTY_SHIFT = 0;
const BORDER_SHIFT = 12;
const COUNT_MASK = 0xf;
/** Added to a neighbour's count when a stone of colour c arrives: one fewer empty, one more c. */
const BLACK_ARRIVES = (1 << 4) - 1;
const WHITE_ARRIVES = (1 << 8) - 1;

/**
 * The engine state behind `GoBoard` and the playouts. Points are indices into a padded board
 * (one ring of BORDER points), so neighbours are p±1 and p±stride with no bounds checks.
 *
 * Groups are circular linked lists of stones with a root that holds the size and the
 * pseudo-liberty count: the number of (stone, empty neighbour) pairs. That count is 0 exactly
 * when the group has no liberty, and it is updated in O(1) per move, which is what makes
 * millions of moves per second possible. Merges relabel the smaller group.
 *
 * Methods here trust their caller: `play` assumes the move was checked with `isLegal`.
 * Only simple ko is known here; positional superko lives in `GoBoard`.
 */
export class BoardCore {
  readonly size: number;
  readonly stride: number;
  readonly area: number;
  readonly komi: number;
  readonly colour: Uint8Array;
  readonly groupOf: Int32Array;
  readonly nextInGroup: Int32Array;
  readonly liberties: Int32Array;
  readonly groupSize: Int32Array;
  /** Packed neighbour counts, see EMPTY_SHIFT; meaningless on border points. */
  readonly neighbours: Int32Array;
  /** Empty points in no particular order, for O(1) random sampling. */
  readonly empties: Int32Array;
  readonly emptyIndex: Int32Array;
  /** Stones captured by each colour, indexed by BLACK and WHITE. */
  readonly prisoners: Int32Array;
  private readonly keys: ZobristKeys;
  emptyCount = 0;
  /**
   * Whether moves update the position key. Playout scratch boards turn it off: nothing reads their
   * key, and the two table loads per stone are a tenth of a playout's time.
   */
  trackHash = true;
  toPlay = BLACK;
  /** The point `toPlay` may not take back right now because of simple ko. */
  koPoint = NO_POINT;
  consecutivePasses = 0;
  hashLo = 0;
  hashHi = 0;
  /** Where the latest capture happened: the ko point when that capture took one stone. */
  private lastCapture = NO_POINT;

  constructor(size: number, komi: number) {
    this.size = size;
    this.komi = komi;
    this.stride = size + 2;
    this.area = this.stride * this.stride;
    this.colour = new Uint8Array(this.area).fill(BORDER);
    this.groupOf = new Int32Array(this.area);
    this.nextInGroup = new Int32Array(this.area);
    this.liberties = new Int32Array(this.area);
    this.groupSize = new Int32Array(this.area);
    this.neighbours = new Int32Array(this.area);
    this.empties = new Int32Array(size * size);
    this.emptyIndex = new Int32Array(this.area).fill(NO_POINT);
    this.prisoners = new Int32Array(3);
    this.keys = zobristKeys(this.area);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const p = this.pointAt(x, y);
        this.colour[p] = EMPTY;
        this.addEmpty(p);
      }
    }
    for (let p = 0; p < this.area; p++) {
      if (this.colour[p] !== EMPTY) continue;
      for (const n of [p - 1, p + 1, p - this.stride, p + this.stride]) {
        this.neighbours[p] = (this.neighbours[p] as number) + (this.colour[n] === EMPTY ? 1 : 1 << BORDER_SHIFT);
      }
    }
  }

  pointAt(x: number, y: number): number {
    return (y + 1) * this.stride + x + 1;
  }

  xOf(p: number): number {
    return (p % this.stride) - 1;
  }

  yOf(p: number): number {
    return Math.floor(p / this.stride) - 1;
  }

  /** Overwrites this state with `other`'s (same size) without allocating, for playout loops. */
  copyFrom(other: BoardCore): void {
    this.colour.set(other.colour);
    this.groupOf.set(other.groupOf);
    this.nextInGroup.set(other.nextInGroup);
    this.liberties.set(other.liberties);
    this.groupSize.set(other.groupSize);
    this.neighbours.set(other.neighbours);
    this.empties.set(other.empties);
    this.emptyIndex.set(other.emptyIndex);
    this.prisoners.set(other.prisoners);
    this.emptyCount = other.emptyCount;
    this.toPlay = other.toPlay;
    this.koPoint = other.koPoint;
    this.consecutivePasses = other.consecutivePasses;
    this.hashLo = other.hashLo;
    this.hashHi = other.hashHi;
  }

  clone(): BoardCore {
    const copy = new BoardCore(this.size, this.komi);
    copy.copyFrom(this);
    return copy;
  }

  positionKey(): number {
    return combineHash(this.hashLo, this.hashHi);
  }

  /** Ko and suicide only; the caller checks that `p` is empty. */
  isLegal(p: number, mover: number): boolean {
    if (p === this.koPoint && mover === this.toPlay) return false;
    return !this.isSuicide(p, mover);
  }

  isSuicide(p: number, mover: number): boolean {
    if ((((this.neighbours[p] as number) >> EMPTY_SHIFT) & COUNT_MASK) !== 0) return false;
    return !this.survivesSurrounded(p, mover);
  }

  /**
   * For a point with no empty neighbour: does a stone there live, because it joins a friendly
   * group with a liberty besides p or takes an enemy group's last liberty? A group's
   * pseudo-liberties count p once per stone of it next to p, so comparing with that count is
   * exact. Border points never hold a group root, so their `groupOf` of 0 matches no group.
   * Pseudo-liberties above 4 mean a liberty besides p (p counts at most 4 times), which settles a
   * friendly group at once and rules out capturing an enemy one, without counting the contacts.
   * Written out per direction: this runs for every surrounded point a playout looks at.
   */
  private survivesSurrounded(p: number, mover: number): boolean {
    const colour = this.colour;
    const groupOf = this.groupOf;
    const liberties = this.liberties;
    const s = this.stride;
    const w = groupOf[p - 1] as number;
    const e = groupOf[p + 1] as number;
    const n = groupOf[p - s] as number;
    const so = groupOf[p + s] as number;
    let c = colour[p - 1] as number;
    if (c !== BORDER) {
      const l = liberties[w] as number;
      if (l > 4) {
        if (c === mover) return true;
      } else {
        const t = 1 + (e === w ? 1 : 0) + (n === w ? 1 : 0) + (so === w ? 1 : 0);
        if (c === mover ? l > t : l === t) return true;
      }
    }
    c = colour[p + 1] as number;
    if (c !== BORDER) {
      const l = liberties[e] as number;
      if (l > 4) {
        if (c === mover) return true;
      } else {
        const t = 1 + (w === e ? 1 : 0) + (n === e ? 1 : 0) + (so === e ? 1 : 0);
        if (c === mover ? l > t : l === t) return true;
      }
    }
    c = colour[p - s] as number;
    if (c !== BORDER) {
      const l = liberties[n] as number;
      if (l > 4) {
        if (c === mover) return true;
      } else {
        const t = 1 + (w === n ? 1 : 0) + (e === n ? 1 : 0) + (so === n ? 1 : 0);
        if (c === mover ? l > t : l === t) return true;
      }
    }
    c = colour[p + s] as number;
    if (c !== BORDER) {
      const l = liberties[so] as number;
      if (l > 4) return c === mover;
      const t = 1 + (w === so ? 1 : 0) + (e === so ? 1 : 0) + (n === so ? 1 : 0);
      return c === mover ? l > t : l === t;
    }
    return false;
  }

  /**
   * The playout move filter in one pass over the neighbours: legal under simple ko and not one of
   * the mover's own eyes. A point with an empty neighbour is neither an eye nor suicide, and is
   * never the ko point (a captured stone had no liberty), which settles most points at once.
   */
  isPlayoutCandidate(p: number, mover: number): boolean {
    const counts = this.neighbours[p] as number;
    if (((counts >> EMPTY_SHIFT) & COUNT_MASK) !== 0) return true;
    if (((counts >> (4 * mover)) & COUNT_MASK) + ((counts >> BORDER_SHIFT) & COUNT_MASK) === 4) {
      if (this.isFalseEyeFree(p, mover)) return false;
    }
    if (p === this.koPoint && mover === this.toPlay) return false;
    return this.survivesSurrounded(p, mover);
  }

  /** A point whose four neighbours are the mover's stones or the edge, and not a false eye. */
  isOwnEye(p: number, mover: number): boolean {
    const colour = this.colour;
    const s = this.stride;
    if (
      ((colour[p - 1] as number) &
        (colour[p + 1] as number) &
        (colour[p - s] as number) &
        (colour[p + s] as number) &
        mover) ===
      0
    ) {
      return false;
    }
    return this.isFalseEyeFree(p, mover);
  }

  /** For a point surrounded by the mover's stones and the edge: is it a real eye? */
  private isFalseEyeFree(p: number, mover: number): boolean {
    const colour = this.colour;
    const s = this.stride;
    const enemy = BLACK + WHITE - mover;
    const a = colour[p - s - 1];
    const b = colour[p - s + 1];
    const c = colour[p + s - 1];
    const d = colour[p + s + 1];
    const enemyDiagonals =
      (a === enemy ? 1 : 0) + (b === enemy ? 1 : 0) + (c === enemy ? 1 : 0) + (d === enemy ? 1 : 0);
    const atEdge = a === BORDER || b === BORDER || c === BORDER || d === BORDER;
    // The usual false-eye rule: one enemy diagonal breaks an edge eye, two break a centre eye.
    return atEdge ? enemyDiagonals === 0 : enemyDiagonals < 2;
  }

  /** Places a legal move, captures, and passes the turn. Returns the number of stones captured. */
  play(p: number, mover: number): number {
    const s = this.stride;
    const enemy = BLACK + WHITE - mover;
    const nextToEnemy = (((this.neighbours[p] as number) >> (4 * enemy)) & COUNT_MASK) !== 0;
    this.putStone(p, mover);
    const captured = nextToEnemy
      ? this.captureIfDead(p - 1, enemy, mover) +
        this.captureIfDead(p + 1, enemy, mover) +
        this.captureIfDead(p - s, enemy, mover) +
        this.captureIfDead(p + s, enemy, mover)
      : 0;
    const root = this.groupOf[p] as number;
    this.koPoint =
      captured === 1 && this.groupSize[root] === 1 && this.liberties[root] === 1 ? this.lastCapture : NO_POINT;
    this.consecutivePasses = 0;
    this.toPlay = enemy;
    return captured;
  }

  pass(): void {
    this.koPoint = NO_POINT;
    this.consecutivePasses++;
    this.toPlay = BLACK + WHITE - this.toPlay;
  }

  /** Setup stones: no captures, no turn change. The caller checks liberties afterwards. */
  placeSetupStone(p: number, c: number): void {
    this.putStone(p, c);
  }

  /** Positions a setup may not contain: any group without a liberty. Returns one of its stones. */
  findGroupWithoutLiberty(): number {
    for (let p = 0; p < this.area; p++) {
      const c = this.colour[p];
      if ((c === BLACK || c === WHITE) && this.liberties[this.groupOf[p] as number] === 0) return p;
    }
    return NO_POINT;
  }

  /** The position key after `mover` plays at `p` (legal, not yet checked for superko). */
  positionKeyAfter(p: number, mover: number): number {
    const keys = this.keys;
    const s = this.stride;
    const enemy = BLACK + WHITE - mover;
    let lo = this.hashLo ^ (keys.lo[mover * this.area + p] as number);
    let hi = this.hashHi ^ (keys.hi[mover * this.area + p] as number);
    const capturedRoots: number[] = [];
    for (const n of [p - 1, p + 1, p - s, p + s]) {
      if (this.colour[n] !== enemy) continue;
      const root = this.groupOf[n] as number;
      if (capturedRoots.includes(root) || this.liberties[root] !== this.stonesTouching(p, root, enemy)) continue;
      capturedRoots.push(root);
      let stone = root;
      do {
        lo ^= keys.lo[enemy * this.area + stone] as number;
        hi ^= keys.hi[enemy * this.area + stone] as number;
        stone = this.nextInGroup[stone] as number;
      } while (stone !== root);
    }
    return combineHash(lo, hi);
  }

  /** Empty points keep a stale `groupOf`, hence the colour check. */
  private stonesTouching(p: number, root: number, c: number): number {
    let count = 0;
    for (const n of [p - 1, p + 1, p - this.stride, p + this.stride]) {
      if (this.colour[n] === c && this.groupOf[n] === root) count++;
    }
    return count;
  }

  /**
   * The new stone's own pseudo-liberties are its empty neighbours, known from the packed counts;
   * only neighbours holding stones need their groups touched, in west, east, north, south order so
   * that merges (and so group roots and stone order) are what they always were.
   */
  private putStone(p: number, c: number): void {
    const s = this.stride;
    const colour = this.colour;
    const groupOf = this.groupOf;
    const liberties = this.liberties;
    const neighbours = this.neighbours;
    const counts = neighbours[p] as number;
    colour[p] = c;
    groupOf[p] = p;
    this.nextInGroup[p] = p;
    this.groupSize[p] = 1;
    liberties[p] = (counts >> EMPTY_SHIFT) & COUNT_MASK;
    this.removeEmpty(p);
    if (this.trackHash) {
      this.hashLo ^= this.keys.lo[c * this.area + p] as number;
      this.hashHi ^= this.keys.hi[c * this.area + p] as number;
    }
    const arrives = c === BLACK ? BLACK_ARRIVES : WHITE_ARRIVES;
    neighbours[p - 1] = (neighbours[p - 1] as number) + arrives;
    neighbours[p + 1] = (neighbours[p + 1] as number) + arrives;
    neighbours[p - s] = (neighbours[p - s] as number) + arrives;
    neighbours[p + s] = (neighbours[p + s] as number) + arrives;
    if ((counts & COUNT_MASK) + ((counts >> BORDER_SHIFT) & COUNT_MASK) === 4) return;
    // Each stone neighbour's group loses the liberty at p; friendly groups join the new stone's.
    // Written out per direction (a loop over k cost a sixth of a playout); `own` follows merges.
    let own = p;
    let cn = colour[p - 1] as number;
    if (cn === BLACK || cn === WHITE) {
      const other = groupOf[p - 1] as number;
      liberties[other] = (liberties[other] as number) - 1;
      if (cn === c && other !== own) own = this.merge(own, other);
    }
    cn = colour[p + 1] as number;
    if (cn === BLACK || cn === WHITE) {
      const other = groupOf[p + 1] as number;
      liberties[other] = (liberties[other] as number) - 1;
      if (cn === c && other !== own) own = this.merge(own, other);
    }
    cn = colour[p - s] as number;
    if (cn === BLACK || cn === WHITE) {
      const other = groupOf[p - s] as number;
      liberties[other] = (liberties[other] as number) - 1;
      if (cn === c && other !== own) own = this.merge(own, other);
    }
    cn = colour[p + s] as number;
    if (cn === BLACK || cn === WHITE) {
      const other = groupOf[p + s] as number;
      liberties[other] = (liberties[other] as number) - 1;
      if (cn === c && other !== own) this.merge(own, other);
    }
  }

  /** Joins two groups, relabelling the smaller; returns the surviving root. */
  private merge(a: number, b: number): number {
    const groupSize = this.groupSize;
    const next = this.nextInGroup;
    let root = a;
    let absorbed = b;
    if ((groupSize[a] as number) < (groupSize[b] as number)) {
      root = b;
      absorbed = a;
    }
    let stone = absorbed;
    do {
      this.groupOf[stone] = root;
      stone = next[stone] as number;
    } while (stone !== absorbed);
    const after = next[root] as number;
    next[root] = next[absorbed] as number;
    next[absorbed] = after;
    groupSize[root] = (groupSize[root] as number) + (groupSize[absorbed] as number);
    this.liberties[root] = (this.liberties[root] as number) + (this.liberties[absorbed] as number);
    return root;
  }

  private captureIfDead(n: number, enemy: number, capturer: number): number {
    if (this.colour[n] !== enemy) return 0;
    const root = this.groupOf[n] as number;
    if (this.liberties[root] !== 0) return 0;
    this.lastCapture = n;
    return this.removeGroup(root, capturer);
  }

  private removeGroup(root: number, capturer: number): number {
    const colour = this.colour;
    const s = this.stride;
    const keyBase = (BLACK + WHITE - capturer) * this.area;
    let stone = root;
    let count = 0;
    const neighbours = this.neighbours;
    const leaves = capturer === BLACK ? -WHITE_ARRIVES : -BLACK_ARRIVES;
    do {
      colour[stone] = EMPTY;
      this.addEmpty(stone);
      neighbours[stone - 1] = (neighbours[stone - 1] as number) + leaves;
      neighbours[stone + 1] = (neighbours[stone + 1] as number) + leaves;
      neighbours[stone - s] = (neighbours[stone - s] as number) + leaves;
      neighbours[stone + s] = (neighbours[stone + s] as number) + leaves;
      if (this.trackHash) {
        this.hashLo ^= this.keys.lo[keyBase + stone] as number;
        this.hashHi ^= this.keys.hi[keyBase + stone] as number;
      }
      // Stones of the captured group are EMPTY or the other colour, so only capturer groups gain.
      if (colour[stone - 1] === capturer) this.addLiberties(this.groupOf[stone - 1] as number, 1);
      if (colour[stone + 1] === capturer) this.addLiberties(this.groupOf[stone + 1] as number, 1);
      if (colour[stone - s] === capturer) this.addLiberties(this.groupOf[stone - s] as number, 1);
      if (colour[stone + s] === capturer) this.addLiberties(this.groupOf[stone + s] as number, 1);
      count++;
      stone = this.nextInGroup[stone] as number;
    } while (stone !== root);
    this.prisoners[capturer] = (this.prisoners[capturer] as number) + count;
    return count;
  }

  private addLiberties(root: number, delta: number): void {
    this.liberties[root] = (this.liberties[root] as number) + delta;
  }

  private addEmpty(p: number): void {
    this.emptyIndex[p] = this.emptyCount;
    this.empties[this.emptyCount++] = p;
  }

  private removeEmpty(p: number): void {
    const i = this.emptyIndex[p] as number;
    const last = this.empties[--this.emptyCount] as number;
    this.empties[i] = last;
    this.emptyIndex[last] = i;
    this.emptyIndex[p] = NO_POINT;
  }
}
