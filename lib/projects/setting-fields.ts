import { TRUTH_ESTIMATOR_LABELS, TRUTH_ESTIMATORS } from "../truth/estimator-names";
import type { SettingKey } from "./settings";

/**
 * What each project setting is, in the words the forms show: its label, what it does, and what a
 * change does to data already collected. The settings page, the create form, the validation
 * messages and the CLI's `key=value` parsing all read this one list.
 */
export type SettingInput = "whole" | "fraction" | "switch" | "choice" | "text" | "markdown";

export type SettingField = {
  key: SettingKey;
  label: string;
  group: SettingGroup;
  input: SettingInput;
  help: string;
  /** What changing it does to judgments, pairs and leases already stored. */
  onChange: string;
  choices?: readonly { value: string; label: string }[];
  /** For number inputs: the step the browser offers. */
  step?: number;
  /** The project kinds the setting means something for; every kind when absent. */
  kinds?: readonly ProjectKindName[];
};

export type ProjectKindName = "TEXT" | "GO";

/** The settings that apply to a project of `kind`. */
export function fieldsFor(kind: ProjectKindName): readonly SettingField[] {
  return SETTING_FIELDS.filter((field) => !field.kinds || field.kinds.includes(kind));
}

export const SETTING_GROUPS = [
  "Judging",
  "Serving pairs",
  "Crowd",
  "Demonstrations",
  "Reward model",
  "Ground truth",
  "Guidelines",
  "Labeler quality",
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: "k",
    label: "Judgments per pair (k)",
    group: "Judging",
    input: "whole",
    help: "How many different labelers judge each regular pair, from 1 to 100. Gold pairs are not counted.",
    onChange:
      "Raising k reopens slots on pairs that are already complete, so they are served again. Lowering k never deletes a judgment: pairs that already have k or more stop being served.",
  },
  {
    key: "allowTie",
    label: "Allow ties",
    group: "Judging",
    input: "switch",
    help: 'Shows a "Tie" button (key 3) for two equally good responses.',
    onChange: "Turning ties off hides the button for new judgments; ties already stored stay in the data and exports.",
  },
  {
    key: "allowBothBad",
    label: 'Allow "both bad"',
    group: "Judging",
    input: "switch",
    help: 'Shows a "Both bad" button (key 4) when neither response is acceptable.',
    onChange: 'Turning it off hides the button for new judgments; stored "both bad" answers stay.',
  },
  {
    key: "strengthScale",
    label: "Strength scale",
    group: "Judging",
    input: "switch",
    help: "Lets labelers say how much better the chosen response is (slightly, clearly, much; keys Q/W/E).",
    onChange: "Applies to new judgments; stored judgments keep the strength they had, or none.",
  },
  {
    key: "rationale",
    label: "Rationale",
    group: "Judging",
    input: "choice",
    choices: [
      { value: "OFF", label: "Off" },
      { value: "OPTIONAL", label: "Optional" },
      { value: "REQUIRED", label: "Required" },
    ],
    help: "A short written reason with each judgment. Required means a judgment cannot be sent without one.",
    onChange: "Applies to new judgments; rationales already stored are kept whatever you choose.",
  },
  {
    key: "question",
    label: "Question",
    group: "Judging",
    input: "text",
    help: 'Asked above every pair, e.g. "Which answer is more helpful?". Leave it empty for the default (none for text, "Which position is better for Black?" for Go).',
    onChange:
      "Labelers see the new question from their next pair; judgments already made were answered under the old one.",
  },
  {
    key: "goldRate",
    label: "Gold rate",
    group: "Serving pairs",
    input: "fraction",
    step: 0.01,
    help: "Share of served pairs that are gold (known-answer) pairs, from 0 to 1: 0.05 means about 1 in 20.",
    onChange: "Changes how often gold pairs are served from now on; gold answers already given stay.",
  },
  {
    key: "pairCap",
    label: "Pairs per prompt (cap)",
    group: "Serving pairs",
    input: "whole",
    help: "The most pairs made from one prompt's candidates, from 1 to 1000; beyond it pairs are sampled at random.",
    onChange: "Applies to the next import and to new demonstrations; pairs already made are kept.",
  },
  {
    key: "leaseSeconds",
    label: "Lease length (seconds)",
    group: "Serving pairs",
    input: "whole",
    help: "How long a served pair is held for one labeler before it goes back to others, from 5 to 86400.",
    onChange: "Applies to pairs served from now on; leases already handed out keep their expiry.",
  },
  {
    key: "quota",
    label: "Crowd quota",
    group: "Crowd",
    input: "whole",
    help: "Judgments a crowd labeler owes before seeing their completion code; 0 means no quota.",
    onChange:
      "Labelers who already reach a lower quota see their completion code on their next pair; no judgment is removed.",
  },
  {
    key: "demonstrations",
    label: "Ask for demonstrations",
    group: "Demonstrations",
    input: "switch",
    help: "Sometimes asks labelers to write the best response themselves; it becomes a candidate paired with others.",
    onChange: "Turning it off stops asking; written responses and their pairs stay and keep being served.",
  },
  {
    key: "demoRate",
    label: "Demonstration rate",
    group: "Demonstrations",
    input: "fraction",
    step: 0.01,
    help: "Share of tasks that ask for a written response while demonstrations are on, from 0 to 1.",
    onChange: "Changes how often it is asked from now on; nothing stored changes.",
  },
  {
    key: "activeLearning",
    label: "Active learning",
    group: "Reward model",
    input: "switch",
    help: "Serves first the pairs the current reward model is least sure about (with some random exploration).",
    onChange: "Changes only which pair is served next. Without a trained model, pairs are served in the regular order.",
  },
  {
    key: "retrainEvery",
    label: "Retrain every N judgments",
    group: "Reward model",
    input: "whole",
    help: "Queues a new reward-model training after this many new judgments; 0 turns automatic retraining off.",
    onChange: "Counts from the newest trained model; models trained so far are kept.",
  },
  {
    key: "goTruthEstimator",
    label: "Ground truth estimator",
    group: "Ground truth",
    input: "choice",
    kinds: ["GO"],
    choices: TRUTH_ESTIMATORS.map((value) => ({ value, label: TRUTH_ESTIMATOR_LABELS[value] })),
    help: "How each board's true win probability is computed (the truth of the Model, Gap and Lab pages). Tree search, the default, reads captures and fights that random playouts miss and takes about half a second of one core per 9x9 board; random playouts are ten times faster; GNU Go takes seconds per board and must be installed on the worker.",
    onChange:
      "The worker recomputes every board's truth in the background; until a board's new estimate is in, its pairs keep their old true answer. Judgments are not touched.",
  },
  {
    key: "guidelines",
    label: "Labeling guidelines",
    group: "Guidelines",
    input: "markdown",
    help: 'Markdown shown to labelers before their first pair and whenever they press "?". Up to 20,000 characters.',
    onChange: "Labelers see the new text the next time they open the project; nothing stored changes.",
  },
  ...qualityFields(),
];

// The rules that flag a labeler on the Labelers page. A flag only informs: pausing or excluding
// stays a lead's decision, so changing a rule never changes data.
function qualityFields(): SettingField[] {
  const onChange = "Changes which labelers are flagged on the Labelers page; no judgment or action changes.";
  const group = "Labeler quality" as const;
  return [
    {
      key: "fastMs",
      label: "Fast decision (milliseconds)",
      group,
      input: "whole",
      help: "A decision made in less time than this counts as fast, e.g. 2000 for 2 seconds.",
      onChange,
    },
    {
      key: "flagFastShare",
      label: "Flag: share of fast decisions",
      group,
      input: "fraction",
      step: 0.01,
      help: "Flag a labeler when at least this share of their decisions is fast, from 0 to 1: 0.3 means 30%.",
      onChange,
    },
    {
      key: "flagGoldBelow",
      label: "Flag: gold accuracy below",
      group,
      input: "fraction",
      step: 0.01,
      help: "Flag a labeler whose share of gold pairs answered right is below this, from 0 to 1: 0.7 means 70%.",
      onChange,
    },
    {
      key: "flagGoldAfter",
      label: "Gold pairs before judging accuracy",
      group,
      input: "whole",
      help: "The gold-accuracy rule applies once a labeler has answered at least this many gold pairs.",
      onChange,
    },
    {
      key: "flagLeftMargin",
      label: "Flag: left rate away from 50% by more than",
      group,
      input: "fraction",
      step: 0.01,
      help: "Flag a labeler whose share of left picks is outside 50% ± this, from 0 to 0.5: 0.15 means outside 35–65%.",
      onChange,
    },
    {
      key: "flagLeftAfter",
      label: "Judgments before judging the left rate",
      group,
      input: "whole",
      help: "The left-rate rule applies once a labeler has made at least this many judgments.",
      onChange,
    },
  ];
}

const IDENTITY_LABELS: Record<string, string> = { slug: "Slug", name: "Name", kind: "Kind" };

export function settingField(key: string): SettingField | undefined {
  return SETTING_FIELDS.find((f) => f.key === key);
}

/** The name a field has in the forms, for messages. */
export function fieldLabel(key: string): string {
  return settingField(key)?.label ?? IDENTITY_LABELS[key] ?? key;
}

const TRUE = new Set(["on", "true", "yes", "1"]);
const FALSE = new Set(["off", "false", "no", "0"]);

/**
 * A setting's value from text: a form field (an unchecked box is null) or a CLI `key=value`.
 * Text that does not fit the field is passed on as it is, so the schema names the problem.
 */
export function settingFromText(field: SettingField, raw: string | null): unknown {
  const text = raw?.trim() ?? "";
  switch (field.input) {
    case "switch":
      if (raw === null || FALSE.has(text.toLowerCase())) return false;
      return TRUE.has(text.toLowerCase()) ? true : raw;
    case "whole":
    case "fraction":
      if (text === "") return null;
      return Number.isFinite(Number(text)) ? Number(text) : raw;
    case "choice":
      // A missing radio group (a setting this kind of project does not show) is left out.
      if (raw === null) return undefined;
      return field.choices?.find((choice) => choice.value.toLowerCase() === text.toLowerCase())?.value ?? raw;
    default:
      return raw ?? "";
  }
}

/** The settings a form holds, read with `get` (FormData.get for a browser form). */
export function settingsFromForm(get: (key: string) => FormDataEntryValue | null): Record<string, unknown> {
  return Object.fromEntries(
    SETTING_FIELDS.map((f) => {
      const value = get(f.key);
      return [f.key, settingFromText(f, typeof value === "string" ? value : null)];
    }),
  );
}

/**
 * Settings from the CLI's `key=value` words. An unknown key is kept, so the schema refuses it by
 * name; a word without "=" is a usage error.
 */
export function settingsFromAssignments(words: readonly string[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const word of words) {
    const at = word.indexOf("=");
    if (at <= 0) throw new Error(`expected key=value, got "${word}" (e.g. k=5, allowTie=false, rationale=required)`);
    const key = word.slice(0, at);
    const field = settingField(key);
    settings[key] = field ? settingFromText(field, word.slice(at + 1)) : word.slice(at + 1);
  }
  return settings;
}
