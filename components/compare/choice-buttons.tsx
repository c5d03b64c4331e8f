import type { Choice } from "@/lib/client/labeling-session";
import type { LabelingSettings } from "./settings";

type Option = {
  choice: Choice;
  label: string;
  keys: string[] /** Read after the label by screen readers: the name is the visible label plus this. */;
  spoken: string;
  order: string;
  primary: boolean;
};

const OPTIONS: Option[] = [
  {
    choice: "A",
    label: "A is better",
    keys: ["1", "←"],
    spoken: ": Response A, on the left, is better (key 1 or left arrow)",
    order: "order-1",
    primary: true,
  },
  {
    choice: "TIE",
    label: "Tie",
    keys: ["3"],
    spoken: ": both are equally good (key 3)",
    order: "order-3 md:order-2",
    primary: false,
  },
  {
    choice: "BOTH_BAD",
    label: "Both bad",
    keys: ["4"],
    spoken: ": both responses are bad (key 4)",
    order: "order-4 md:order-3",
    primary: false,
  },
  {
    choice: "B",
    label: "B is better",
    keys: ["2", "→"],
    spoken: ": Response B, on the right, is better (key 2 or right arrow)",
    order: "order-2 md:order-4",
    primary: true,
  },
];

const COLUMNS: Record<number, string> = { 2: "md:grid-cols-2", 3: "md:grid-cols-3", 4: "md:grid-cols-4" };

export function ChoiceButtons({
  settings,
  pendingChoice,
  onChoose,
}: {
  settings: LabelingSettings;
  pendingChoice: Choice | null;
  onChoose: (choice: Choice) => void;
}) {
  const options = OPTIONS.filter(
    (o) => (o.choice !== "TIE" || settings.allowTie) && (o.choice !== "BOTH_BAD" || settings.allowBothBad),
  );
  return (
    <div className={`grid grid-cols-2 gap-2 ${COLUMNS[options.length] ?? ""}`}>
      {options.map((o) => (
        <button
          key={o.choice}
          type="button"
          data-choice={o.choice}
          aria-pressed={pendingChoice === o.choice}
          onClick={() => onChoose(o.choice)}
          className={`${o.order} flex items-center justify-center gap-2 rounded-lg px-4 font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
            o.primary
              ? "bg-indigo-600 py-3 text-white hover:bg-indigo-700 active:bg-indigo-800"
              : "border border-stone-300 bg-white py-2.5 text-stone-700 hover:bg-stone-100"
          } ${pendingChoice === o.choice ? "ring-2 ring-indigo-300" : ""}`}
        >
          <span>
            {o.label}
            <span className="sr-only">{o.spoken}</span>
          </span>
          <span className="flex gap-1 touch:hidden" aria-hidden="true">
            {o.keys.map((k) => (
              <kbd
                key={k}
                className={`min-w-6 rounded border px-1.5 text-xs leading-5 ${
                  o.primary ? "border-indigo-400 bg-indigo-500/60" : "border-stone-300 bg-stone-50 text-stone-600"
                }`}
              >
                {k}
              </kbd>
            ))}
          </span>
        </button>
      ))}
    </div>
  );
}
