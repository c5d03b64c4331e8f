import type { GoBoard } from "./board";
import type { Move } from "./coords";
import { BLACK, type BoardCore, NO_POINT } from "./core";
import { defaultMoveCap, playRecordedGame } from "./playout";
import { playPolicyGame } from "./policy";
import { Rng } from "./rng";
import { areaDifference } from "./scoring";
import { isPoint } from "./state";

/**
 * Names what `uctWinProbability` computes, stored with every ground truth it produces: UCT with
 * RAVE over policy playouts (the move filter of random-playouts/v1, simple ko, plus capture and
 * escape replies to the last move and redrawn self-ataris, see playPolicyGame), Tromp-Taylor area
 * with komi, Black's win rate at the root's most visited move. Bump the version when the search,
 * its defaults or the playout change. (v1 used uniformly random playouts.)
 */
export const UCT_ESTIMATOR = "uct/v2";

export type UctOptions = {
  /** Simulations per search. */
  simulations?: number;
  /** Independent searches, seeded from `seed`; their spread gives the standard error. */
  searches?: number;
  seed?: number;
  /** Playouts: "policy" (capture and escape replies, see playPolicyGame) or "random". */
  playout?: "policy" | "random";
  /** The move that led to the board, when the board does not know it (a board from a setup). */
  lastMove?: Move | null;
};

/** 4 × 2,000 simulations: about half a second of one core per 9x9 board (see README). */
export const UCT_DEFAULTS = { simulations: 2000, searches: 4 } as const;

export type UctEstimate = {
  pBlackWins: number;
  standardError: number;
  /** Simulations over all searches. */
  playouts: number;
  /** The root's most visited move in the first search, a padded point; NO_POINT for a pass. */
  bestPoint: number;
};

/** Exploration constant of UCB1, small because RAVE does most of the early steering. */
const EXPLORATION = 0.2;
/** RAVE equivalence parameter (Gelly and Silver): at this many visits AMAF and UCT weigh the same. */
const RAVE_EQUIVALENCE = 600;
const PASS_MOVE = NO_POINT;
/** A leaf grows children after this many visits: most leaves are visited once or twice, and their children would be garbage. */
const EXPAND_AFTER = 4;

class Node {
  visits = 0;
  blackWins = 0;
  raveVisits = 0;
  raveBlackWins = 0;
  children: Node[] | null = null;

  /** `move` led here (PASS_MOVE for a pass), played by `mover`. */
  constructor(
    readonly move: number,
    readonly mover: number,
  ) {}
}

/**
 * Black's win probability from `board` with its side to move by Monte Carlo tree search: several
 * independent UCT-RAVE searches, each giving the win rate of its root's most visited move; the
 * mean of those is the estimate and their spread (or the simulation noise, whichever is larger)
 * its standard error. Deterministic for a seed. A finished game is scored as it stands.
 */
export function uctWinProbability(board: GoBoard, options: UctOptions = {}): UctEstimate {
  const simulations = options.simulations ?? UCT_DEFAULTS.simulations;
  const searches = options.searches ?? UCT_DEFAULTS.searches;
  for (const [name, value] of [
    ["simulations", simulations],
    ["searches", searches],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1`);
  }
  if (board.isOver) {
    const score = board.score();
    return { pBlackWins: score > 0 ? 1 : score < 0 ? 0 : 0.5, standardError: 0, playouts: 0, bestPoint: PASS_MOVE };
  }
  const seeds = new Rng(options.seed ?? 1);
  const last = board.lastMove ?? options.lastMove ?? null;
  const results: number[] = [];
  let bestVisits = 0;
  let bestPoint = PASS_MOVE;
  for (let i = 0; i < searches; i++) {
    const search = new Search(board.core, new Rng(seeds.nextUint32() | 0), {
      policy: (options.playout ?? "policy") === "policy",
      lastMove: isPoint(last) ? board.core.pointAt(last.x, last.y) : NO_POINT,
    });
    const root = search.run(simulations);
    const best = mostVisited(root);
    results.push(best.blackWins / best.visits);
    bestVisits += best.visits;
    if (i === 0) bestPoint = best.move;
  }
  const mean = results.reduce((sum, p) => sum + p, 0) / searches;
  const spread = searches > 1 ? results.reduce((sum, p) => sum + (p - mean) ** 2, 0) / (searches - 1) / searches : 0;
  // Binomial noise of the chosen moves' simulations: a floor for when a few searches agree by chance.
  const noise = (mean * (1 - mean)) / bestVisits;
  return {
    pBlackWins: mean,
    standardError: Math.sqrt(Math.max(spread, noise)),
    playouts: simulations * searches,
    bestPoint,
  };
}

function mostVisited(root: Node): Node {
  let best = root;
  for (const child of root.children ?? []) if (best === root || child.visits > best.visits) best = child;
  return best.visits > 0 ? best : root;
}

class Search {
  private readonly root: BoardCore;
  private readonly scratch: BoardCore;
  private readonly rng: Rng;
  private readonly moveCap: number;
  /** Moves of the current simulation, tree part first; NO_POINT for passes. */
  private readonly moves: Int32Array;
  /** AMAF marks: `playedBy[colour * area + p] === stamp` when colour played p in this simulation. */
  private readonly playedBy: Int32Array;
  private stamp = 0;
  private readonly path: Node[] = [];

  private readonly policy: boolean;
  /** The move that led to the root, for the policy's first reply; NO_POINT when unknown. */
  private readonly rootLastMove: number;

  constructor(root: BoardCore, rng: Rng, settings: { policy: boolean; lastMove: number }) {
    this.root = root;
    this.policy = settings.policy;
    this.rootLastMove = settings.lastMove;
    this.scratch = root.clone();
    this.scratch.trackHash = false;
    this.rng = rng;
    this.moveCap = defaultMoveCap(root.size);
    this.moves = new Int32Array(this.moveCap + root.area + 2);
    this.playedBy = new Int32Array(3 * root.area);
  }

  run(simulations: number): Node {
    const top = new Node(PASS_MOVE, BLACK + 2 - this.root.toPlay);
    for (let i = 0; i < simulations; i++) this.simulate(top);
    return top;
  }

  private simulate(top: Node): void {
    const core = this.scratch;
    core.copyFrom(this.root);
    const path = this.path;
    path.length = 0;
    let node = top;
    path.push(node);
    let depth = 0;
    while (core.consecutivePasses < 2) {
      if (node.children === null) {
        if (node !== top && node.visits < EXPAND_AFTER) break;
        node.children = this.expand(core);
      }
      node = this.select(node);
      this.apply(core, node, depth++);
      path.push(node);
    }
    const firstMover = core.toPlay;
    const cap = this.moveCap - depth;
    const last = depth > 0 ? (this.moves[depth - 1] as number) : this.rootLastMove;
    const played = this.policy
      ? playPolicyGame(core, this.rng, cap, this.moves, depth, last)
      : playRecordedGame(core, this.rng, cap, this.moves, depth);
    const score = areaDifference(core) - core.komi;
    const result = score > 0 ? 1 : score < 0 ? 0 : 0.5;
    this.update(path, depth, depth + played, firstMover, result);
  }

  private apply(core: BoardCore, node: Node, depth: number): void {
    if (node.move === PASS_MOVE) core.pass();
    else core.play(node.move, node.mover);
    this.moves[depth] = node.move;
  }

  /** The playout's move filter: legal under simple ko and not filling an own eye; else a pass. */
  private expand(core: BoardCore): Node[] {
    const mover = core.toPlay;
    const children: Node[] = [];
    for (let p = 0; p < core.area; p++) {
      if (core.colour[p] === 0 && core.isPlayoutCandidate(p, mover)) children.push(new Node(p, mover));
    }
    if (children.length === 0) children.push(new Node(PASS_MOVE, mover));
    // A seeded shuffle, so that ties between unvisited moves do not favour the top-left corner.
    for (let i = children.length - 1; i > 0; i--) {
      const j = this.rng.below(i + 1);
      const swap = children[i] as Node;
      children[i] = children[j] as Node;
      children[j] = swap;
    }
    return children;
  }

  private select(node: Node): Node {
    const children = node.children as Node[];
    const logVisits = Math.log(node.visits + 1);
    let best = children[0] as Node;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const child of children) {
      const value = this.value(child, logVisits);
      if (value > bestValue) {
        bestValue = value;
        best = child;
      }
    }
    return best;
  }

  /** UCB1 on the RAVE-blended win rate, from the point of view of the child's mover. */
  private value(child: Node, logVisits: number): number {
    // No closure here: this runs for every child at every level of every simulation.
    const sign = child.mover === BLACK ? 1 : -1;
    const flip = child.mover === BLACK ? 0 : 1;
    const rave = child.raveVisits > 0 ? flip + (sign * child.raveBlackWins) / child.raveVisits : 0.5;
    if (child.visits === 0) return 1 + rave;
    const mean = flip + (sign * child.blackWins) / child.visits;
    const beta = Math.sqrt(RAVE_EQUIVALENCE / (3 * child.visits + RAVE_EQUIVALENCE));
    return (1 - beta) * mean + beta * rave + EXPLORATION * Math.sqrt(logVisits / child.visits);
  }

  /**
   * Visit counts along the path, and AMAF: a child of the node at depth d gets the result when
   * its mover played its point at any time after d. Walking the moves from the last one back,
   * the marks hold exactly the moves from the current depth on.
   */
  private update(path: Node[], treeDepth: number, total: number, playoutMover: number, result: number): void {
    for (const node of path) {
      node.visits++;
      node.blackWins += result;
    }
    const stamp = ++this.stamp;
    const area = this.root.area;
    for (let i = total - 1; i >= 0; i--) {
      const move = this.moves[i] as number;
      const mover =
        i < treeDepth ? (path[i + 1] as Node).mover : (i - treeDepth) % 2 === 0 ? playoutMover : 3 - playoutMover;
      if (move !== PASS_MOVE) this.playedBy[mover * area + move] = stamp;
      if (i >= treeDepth) continue;
      for (const child of (path[i] as Node).children as Node[]) {
        if (child.move !== PASS_MOVE && this.playedBy[child.mover * area + child.move] === stamp) {
          child.raveVisits++;
          child.raveBlackWins += result;
        }
      }
    }
  }
}
