export { actOnLabeler, type LabelerActionInput, type LabelerActionRow, labelerHistory, needsReason } from "./actions";
export {
  CONFIDENT_MARGIN,
  type DateRange,
  includedVotes,
  type LabelerQuality,
  labelerQuality,
  type Share,
} from "./quality";
export { readDateRange } from "./range";
