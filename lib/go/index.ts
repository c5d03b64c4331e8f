// The Go domain: rules (positional superko, Tromp-Taylor area scoring), SGF and position strings
// for import and export, and Monte Carlo win probability, the ground truth Vibecheck compares
// human and reward-model judgments against.
export { GoBoard, IllegalMove, type IllegalReason, InvalidSetup, type Setup } from "./board";
export {
  type Colour,
  fromGtp,
  fromSgfPoint,
  isPass,
  type Move,
  opponent,
  PASS,
  type Pass,
  type Point,
  samePoint,
  toGtp,
  toSgfPoint,
} from "./coords";
export { type GameMove, type GameRecord, replayGame } from "./game";
export { PositionError, parsePosition, toPositionString } from "./position";
export { readSgf, SgfError, writeSgf } from "./sgf";
export { type WinProbability, type WinProbabilityOptions, winProbability } from "./winprob";
