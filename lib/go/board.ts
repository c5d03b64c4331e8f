import { type Colour, MAX_SIZE, MIN_SIZE, type Move, onBoard, opponent, PASS, type Point, toGtp } from "./coords";
import { BLACK, BoardCore, EMPTY, NO_POINT, WHITE } from "./core";
import { areaDifference } from "./scoring";

export type IllegalReason = "occupied" | "suicide" | "ko" | "superko" | "off-board" | "game-over";

const ADVICE: Record<IllegalReason, string> = {
  occupied: "the point already holds a stone; choose an empty point",
  suicide: "the stone would have no liberty and capture nothing; choose another point",
  ko: "it retakes a ko immediately; play elsewhere first",
  superko: "it would repeat an earlier board position (positional superko); choose another move",
  "off-board": "the point is outside the board",
  "game-over": "the game ended after two consecutive passes",
};

const COLOUR_NAME: Record<Colour, string> = { B: "Black", W: "White" };

export class IllegalMove extends Error {
  readonly reason: IllegalReason;
  readonly move: Move;
  readonly colour: Colour;
  /** 1-based, set when the move comes from a game record. */
  readonly moveNumber: number | undefined;

  constructor(reason: IllegalReason, move: Move, colour: Colour, size: number, moveNumber?: number) {
    const where =
      move === PASS ? "pass" : onBoard(move, size) ? `play ${toGtp(move, size)}` : `play (${move.x}, ${move.y})`;
    const prefix = moveNumber === undefined ? "" : `move ${moveNumber}: `;
    super(`${prefix}${COLOUR_NAME[colour]} cannot ${where}: ${ADVICE[reason]}`);
    this.name = "IllegalMove";
    this.reason = reason;
    this.move = move;
    this.colour = colour;
    this.moveNumber = moveNumber;
  }
}

/** A starting position that no game can reach: off-board, doubled or liberty-less stones. */
export class InvalidSetup extends Error {
  readonly point: Point;

  constructor(message: string, point: Point) {
    super(message);
    this.name = "InvalidSetup";
    this.point = point;
  }
}

export type Setup = { black: readonly Point[]; white: readonly Point[] };

const code = (colour: Colour) => (colour === "B" ? BLACK : WHITE);
const colourOf = (value: number): Colour => (value === BLACK ? "B" : "W");

/**
 * A Go position in a game: the rules engine plus what the rules need from the game's history
 * (positional superko, consecutive passes). `play` mutates; `clone` first to branch.
 */
export class GoBoard {
  /** The engine state. Playouts copy it; changing it directly bypasses superko. */
  readonly core: BoardCore;
  readonly #seenPositions: Set<number>;
  #lastMove: Move | null;
  #moveNumber: number;

  private constructor(core: BoardCore, seenPositions: Set<number>, lastMove: Move | null, moveNumber: number) {
    this.core = core;
    this.#seenPositions = seenPositions;
    this.#lastMove = lastMove;
    this.#moveNumber = moveNumber;
  }

  static empty(size: number, komi = 7.5): GoBoard {
    if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
      throw new RangeError(`board size ${size} is not supported: use a whole number from ${MIN_SIZE} to ${MAX_SIZE}`);
    }
    if (!Number.isFinite(komi)) throw new RangeError(`komi ${komi} is not a number: use e.g. 7.5, 6.5 or 0`);
    const core = new BoardCore(size, komi);
    return new GoBoard(core, new Set([core.positionKey()]), null, 0);
  }

  /** A position given by its stones, e.g. handicap stones or a problem; throws InvalidSetup. */
  static fromSetup(size: number, setup: Setup, options: { komi?: number; toPlay?: Colour } = {}): GoBoard {
    const board = GoBoard.empty(size, options.komi);
    const core = board.core;
    const stones = [
      ...setup.black.map((point) => ({ point, colour: BLACK })),
      ...setup.white.map((point) => ({ point, colour: WHITE })),
    ];
    for (const { point } of stones) {
      if (!onBoard(point, size)) {
        throw new InvalidSetup(`setup stone at (${point.x}, ${point.y}) is off the ${size}x${size} board`, point);
      }
    }
    // Board order, not list order, so a colour-swapped setup yields the mirror-image engine state
    // (same empty-point order) and seeded playouts stay comparable across the swap.
    stones.sort((a, b) => a.point.y - b.point.y || a.point.x - b.point.x);
    for (const { point, colour } of stones) {
      const p = core.pointAt(point.x, point.y);
      if (core.colour[p] !== EMPTY) {
        throw new InvalidSetup(`setup lists ${toGtp(point, size)} twice; give each point one colour`, point);
      }
      core.placeSetupStone(p, colour);
    }
    const dead = core.findGroupWithoutLiberty();
    if (dead !== NO_POINT) {
      const point = { x: core.xOf(dead), y: core.yOf(dead) };
      const name = COLOUR_NAME[colourOf(core.colour[dead] as number)];
      throw new InvalidSetup(
        `the ${name.toLowerCase()} group at ${toGtp(point, size)} has no liberty, which no legal game can reach; remove it or free a liberty`,
        point,
      );
    }
    core.toPlay = code(options.toPlay ?? "B");
    board.#seenPositions.clear();
    board.#seenPositions.add(core.positionKey());
    return board;
  }

  get size(): number {
    return this.core.size;
  }

  get komi(): number {
    return this.core.komi;
  }

  get toPlay(): Colour {
    return colourOf(this.core.toPlay);
  }

  get lastMove(): Move | null {
    return this.#lastMove;
  }

  /** Moves played on this board so far, passes included (setup does not count). */
  get moveNumber(): number {
    return this.#moveNumber;
  }

  /** Stones captured by each colour: `captures.B` is how many white stones Black has taken. */
  get captures(): { B: number; W: number } {
    return { B: this.core.prisoners[BLACK] as number, W: this.core.prisoners[WHITE] as number };
  }

  get isOver(): boolean {
    return this.core.consecutivePasses >= 2;
  }

  get(x: number, y: number): Colour | null {
    if (!onBoard({ x, y }, this.size)) throw new RangeError(`(${x}, ${y}) is off the ${this.size}x${this.size} board`);
    const value = this.core.colour[this.core.pointAt(x, y)];
    return value === EMPTY ? null : colourOf(value as number);
  }

  /** Identifies the arrangement of stones (not the side to move); equal positions, equal keys. */
  positionKey(): string {
    return this.core.positionKey().toString(36);
  }

  whyIllegal(move: Move, colour: Colour = this.toPlay): IllegalReason | null {
    const core = this.core;
    if (this.isOver) return "game-over";
    if (move === PASS) return null;
    if (!onBoard(move, this.size)) return "off-board";
    const p = core.pointAt(move.x, move.y);
    const mover = code(colour);
    if (core.colour[p] !== EMPTY) return "occupied";
    if (p === core.koPoint && mover === core.toPlay) return "ko";
    if (core.isSuicide(p, mover)) return "suicide";
    if (this.#seenPositions.has(core.positionKeyAfter(p, mover))) return "superko";
    return null;
  }

  isLegal(move: Move, colour: Colour = this.toPlay): boolean {
    return this.whyIllegal(move, colour) === null;
  }

  /** Plays `move` for `colour` (default: the side to move), or throws IllegalMove. */
  play(move: Move, colour: Colour = this.toPlay): this {
    const reason = this.whyIllegal(move, colour);
    if (reason) throw new IllegalMove(reason, move, colour, this.size);
    const core = this.core;
    if (move === PASS) {
      core.pass();
    } else {
      core.play(core.pointAt(move.x, move.y), code(colour));
      this.#seenPositions.add(core.positionKey());
    }
    // SGF lets a colour move twice in a row; the turn follows whoever actually moved.
    core.toPlay = code(opponent(colour));
    this.#lastMove = move;
    this.#moveNumber++;
    return this;
  }

  legalMoves(colour: Colour = this.toPlay): Point[] {
    const moves: Point[] = [];
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) if (this.isLegal({ x, y }, colour)) moves.push({ x, y });
    }
    return moves;
  }

  /** Tromp-Taylor: Black's area minus White's area minus komi; positive means Black is ahead. */
  score(): number {
    return areaDifference(this.core) - this.komi;
  }

  clone(): GoBoard {
    return new GoBoard(this.core.clone(), new Set(this.#seenPositions), this.#lastMove, this.#moveNumber);
  }
}
