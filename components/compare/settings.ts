/** The project settings the compare screen needs; the server enforces them again. */
export type LabelingSettings = {
  allowTie: boolean;
  allowBothBad: boolean;
  strengthScale: boolean;
  rationale: "OFF" | "OPTIONAL" | "REQUIRED";
};
