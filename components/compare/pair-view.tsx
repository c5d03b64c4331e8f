"use client";

import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import type { CandidateView, PairTask } from "@/lib/assign/task";
import type { Choice, Decision, ReportKind } from "@/lib/client/labeling-session";
import { GoBoardSvg } from "../go/board";
import { MarkdownText } from "../markdown/markdown";
import { ChoiceButtons } from "./choice-buttons";
import {
  CONTROL_KEYS,
  choiceForKey,
  isDialogOpen,
  isPlainPress,
  isTypingTarget,
  KEY_GUARD_MS,
  STRENGTHS,
  strengthForKey,
} from "./keys";
import { PairControls } from "./pair-controls";
import { PromptCard } from "./prompt-card";
import { ReportDialog } from "./report-dialog";
import type { LabelingSettings } from "./settings";
import { SkipDialog } from "./skip-dialog";
import { useTouchScreen } from "./use-touch";
import { elapsedMs, useVisibleSince } from "./use-visible-since";

type Props = {
  task: PairTask;
  settings: LabelingSettings;
  onDecide: (decision: Decision) => void;
  onSkip: (reason: string) => void;
  onReport: (kind: ReportKind, note: string) => void;
  /** Set while the judgment before this pair can be taken back. */
  onUndo: (() => void) | null;
};

/** One pair: prompt, the two responses side by side, and the decision. Mount once per task. */
export function PairView({ task, settings, onDecide, onSkip, onReport, onUndo }: Props) {
  const { since, visible } = useVisibleSince();
  const touch = useTouchScreen();
  // Ready = visible for KEY_GUARD_MS: before that, keys and taps are ignored (see keys.ts).
  const [ready, setReady] = useState(false);
  const [dialog, setDialog] = useState<"skip" | "report" | null>(null);
  const noun = task.left.board && task.right.board ? "positions" : "responses";
  const [strength, setStrength] = useState<number | null>(null);
  const [rationale, setRationale] = useState("");
  const [pendingChoice, setPendingChoice] = useState<Choice | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const decided = useRef(false);
  const rationaleBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!visible) return;
    const timer = setTimeout(() => setReady(true), KEY_GUARD_MS);
    return () => clearTimeout(timer);
  }, [visible]);

  const tooSoon = useCallback(
    () => since.current === null || performance.now() - since.current < KEY_GUARD_MS,
    [since],
  );

  const choose = useCallback(
    (choice: Choice) => {
      const shownAt = since.current;
      if (decided.current || shownAt === null || tooSoon()) return;
      const reason = rationale.trim();
      if (settings.rationale === "REQUIRED" && !reason) {
        setPendingChoice(choice);
        setHint(
          touch
            ? "This project needs a short reason for every decision: write it, then tap your choice again."
            : "This project needs a short reason for every decision: write it, then press Ctrl+Enter.",
        );
        rationaleBox.current?.focus();
        return;
      }
      decided.current = true;
      onDecide({
        choice,
        durationMs: elapsedMs(shownAt),
        ...(settings.strengthScale && strength !== null && (choice === "A" || choice === "B") ? { strength } : {}),
        ...(settings.rationale !== "OFF" && reason ? { rationale: reason } : {}),
      });
    },
    [since, tooSoon, rationale, strength, settings, onDecide, touch],
  );

  const leave = useCallback(() => {
    if (decided.current) return false;
    decided.current = true;
    return true;
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isPlainPress(event) || event.shiftKey || isTypingTarget(event.target) || isDialogOpen()) return;
      if (tooSoon()) {
        // Meant for the previous pair: swallowed, so it does not act here either.
        if (choiceForKey(event.key, settings) || strengthForKey(event.key) !== null) event.preventDefault();
        return;
      }
      const key = event.key.toLowerCase();
      if (key === CONTROL_KEYS.skip || key === CONTROL_KEYS.report) {
        event.preventDefault();
        setDialog(key === CONTROL_KEYS.skip ? "skip" : "report");
        return;
      }
      const choice = choiceForKey(event.key, settings);
      if (choice) {
        event.preventDefault();
        choose(choice);
        return;
      }
      const level = settings.strengthScale ? strengthForKey(event.key) : null;
      if (level !== null) {
        event.preventDefault();
        setStrength((current) => (current === level ? null : level));
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [choose, settings, tooSoon]);

  function onRationaleKeyDown(event: ReactKeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.currentTarget.blur();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (pendingChoice) choose(pendingChoice);
      else setHint("Choose one of the options below first; Ctrl+Enter then submits.");
    }
  }

  return (
    <section
      data-testid="pair"
      data-assignment-id={task.assignmentId}
      data-ready={ready ? "true" : "false"}
      aria-label={`Compare two ${noun}`}
      className="flex flex-col gap-4"
    >
      <PromptCard text={task.prompt} />
      {task.question && (
        <h1 data-testid="question" className="text-center text-lg font-semibold text-stone-900">
          {task.question}
        </h1>
      )}
      {/* Two boards stay side by side even on a phone: a move is judged by comparing them at a glance. */}
      <div
        className={`grid ${task.left.board && task.right.board ? "grid-cols-2 gap-2 sm:gap-4" : "gap-4 md:grid-cols-2"}`}
      >
        <CandidatePanel label="A" side="left" keys="1 or ←" candidate={task.left} marked={pendingChoice === "A"} />
        <CandidatePanel label="B" side="right" keys="2 or →" candidate={task.right} marked={pendingChoice === "B"} />
      </div>

      {settings.rationale !== "OFF" && (
        <label className="block">
          <span className="text-sm font-medium text-stone-700">
            Why? {settings.rationale === "REQUIRED" ? "(required)" : "(optional)"}
          </span>
          <textarea
            ref={rationaleBox}
            data-testid="rationale"
            value={rationale}
            onChange={(event) => setRationale(event.target.value)}
            onKeyDown={onRationaleKeyDown}
            rows={2}
            maxLength={5000}
            placeholder={
              touch
                ? "What made one response better?"
                : "What made one response better? Ctrl+Enter submits, Esc leaves the box."
            }
            className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
        </label>
      )}

      <div className="sticky bottom-0 z-10 -mx-4 border-t border-stone-200 bg-stone-50/95 px-4 pt-3 pb-3 backdrop-blur">
        {settings.strengthScale && <StrengthPicker strength={strength} onChange={setStrength} />}
        {hint && (
          <p role="alert" className="mb-2 rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
            {hint}
          </p>
        )}
        <ChoiceButtons settings={settings} pendingChoice={pendingChoice} onChoose={choose} />
        <PairControls onSkip={() => setDialog("skip")} onReport={() => setDialog("report")} onUndo={onUndo} />
        <p className="mt-2 hidden text-center text-xs text-stone-600 sm:block touch:hidden">
          Keys: <kbd>1</kbd> or <kbd>←</kbd> A is better · <kbd>2</kbd> or <kbd>→</kbd> B is better
          {settings.allowTie && " · 3 tie"}
          {settings.allowBothBad && " · 4 both bad"}
          {settings.strengthScale && " · Q/W/E how much better, before choosing"}
          {" · S skip · R report · U undo · ? guidelines"}
        </p>
      </div>
      <SkipDialog
        open={dialog === "skip"}
        onClose={() => setDialog(null)}
        onSkip={(reason) => leave() && onSkip(reason)}
      />
      <ReportDialog
        open={dialog === "report"}
        onClose={() => setDialog(null)}
        onReport={(kind, note) => leave() && onReport(kind, note)}
      />
    </section>
  );
}

function CandidatePanel({
  label,
  side,
  keys,
  candidate,
  marked,
}: {
  label: "A" | "B";
  side: "left" | "right";
  keys: string;
  candidate: CandidateView;
  marked: boolean;
}) {
  const noun = candidate.board ? "Position" : "Response";
  return (
    <article
      data-testid={`candidate-${side}`}
      data-candidate-id={candidate.id}
      aria-label={`${noun} ${label}, ${side}`}
      className={`flex min-w-0 flex-col rounded-lg border bg-white shadow-sm ${
        marked ? "border-indigo-500 ring-2 ring-indigo-200" : "border-stone-200"
      }`}
    >
      <header
        className={`flex items-center justify-between gap-2 border-b border-stone-100 py-2 ${candidate.board ? "px-2 sm:px-4" : "px-4"}`}
      >
        <h2 className="font-semibold text-stone-800">
          {noun} {label}
        </h2>
        {/* Side by side on a phone there is no room for the hint; the buttons show the keys. */}
        <span className={`text-xs text-stone-600 touch:hidden ${candidate.board ? "hidden sm:inline" : ""}`}>
          key {keys}
        </span>
      </header>
      {candidate.board ? (
        <div className="p-1 sm:p-3">
          <GoBoardSvg
            state={candidate.board}
            className="mx-auto block h-auto max-h-[calc(100dvh-23rem)] min-h-40 w-full"
          />
        </div>
      ) : (
        <div className="max-h-[45vh] min-h-24 overflow-auto px-4 py-3 text-[15px] text-stone-800 md:max-h-[calc(100dvh-21rem)] md:min-h-48">
          <MarkdownText text={candidate.text} />
        </div>
      )}
    </article>
  );
}

function StrengthPicker({ strength, onChange }: { strength: number | null; onChange: (value: number | null) => void }) {
  return (
    <fieldset className="mb-2 flex flex-wrap items-center justify-center gap-2 text-sm">
      <legend className="sr-only">How much better (optional)</legend>
      <span className="text-stone-600">How much better?</span>
      {STRENGTHS.map((s) => (
        <button
          key={s.value}
          type="button"
          aria-pressed={strength === s.value}
          onClick={() => onChange(strength === s.value ? null : s.value)}
          className={`rounded-full border px-3 py-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
            strength === s.value
              ? "border-indigo-600 bg-indigo-600 text-white"
              : "border-stone-300 bg-white text-stone-700 hover:bg-stone-100"
          }`}
        >
          {s.label}
          <span className="sr-only"> better (key {s.key.toUpperCase()})</span>
          <span aria-hidden="true" className="touch:hidden">
            {" "}
            <kbd className="ml-1 text-xs opacity-70">{s.key.toUpperCase()}</kbd>
          </span>
        </button>
      ))}
    </fieldset>
  );
}
