/** The labeler's controls under the choices: skip, report, and undo of the previous answer. */
export function PairControls({
  onSkip,
  onReport,
  onUndo,
}: {
  onSkip: () => void;
  onReport: () => void;
  onUndo: (() => void) | null;
}) {
  return (
    <div className="mt-2 flex flex-wrap items-center justify-center gap-2 text-sm">
      <ControlButton label="Skip" hotkey="S" spoken=" this pair (key S)" onClick={onSkip} testId="skip" />
      <ControlButton
        label="Report"
        hotkey="R"
        spoken=" a problem with this pair (key R)"
        onClick={onReport}
        testId="report"
      />
      {onUndo && <UndoButton onUndo={onUndo} />}
    </div>
  );
}

export function UndoButton({ onUndo }: { onUndo: () => void }) {
  return (
    <ControlButton
      label="Undo last answer"
      hotkey="U"
      spoken=": see that pair again (key U or Ctrl+Z)"
      onClick={onUndo}
      testId="undo"
    />
  );
}

function ControlButton({
  label,
  hotkey,
  spoken,
  onClick,
  testId,
}: {
  label: string;
  hotkey: string;
  /** Read after the label by screen readers: the name is the visible label plus this. */
  spoken: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={onClick}
      className="inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-stone-700 hover:bg-stone-200/70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <span>
        {label}
        <span className="sr-only">{spoken}</span>
      </span>
      <span aria-hidden="true" className="touch:hidden">
        <kbd className="min-w-5 rounded border border-stone-300 bg-white px-1 text-center text-xs leading-4 text-stone-600">
          {hotkey}
        </kbd>
      </span>
    </button>
  );
}
