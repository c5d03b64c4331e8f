// The Go domain: rules (positional superko, Tromp-Taylor area scoring), SGF and position strings
// for import and export, board candidates as stored and shown, generated positions worth judging,
// and Monte Carlo win probability, the ground truth Vibecheck compares human and reward-model
// judgments against. Rendering data (./render) is imported directly by the board component.
export { GoBoard, IllegalMove, type IllegalReason, InvalidSetup, type Setup } from "./board";
export { boardFromPosition, LastMoveError, type PositionInput, stateFromPosition, stateFromSgf } from "./candidate";
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
export { type GeneratedPrompt, type GenerateOptions, generatePrompts, isBlunder, type MoveKind } from "./generate";
export { PositionError, parsePosition, toPositionString } from "./position";
export { DEFAULT_GO_QUESTION, questionSide } from "./question";
export { readSgf, SgfError, writeSgf } from "./sgf";
export {
  type BoardState,
  boardFromState,
  boardStateOf,
  compactPosition,
  DEFAULT_KOMI,
  readBoardState,
} from "./state";
export {
  WIN_PROBABILITY_ESTIMATOR,
  type WinProbability,
  type WinProbabilityOptions,
  winProbability,
} from "./winprob";
