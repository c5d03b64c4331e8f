import type { Choice } from "@/lib/client/labeling-session";
import type { LabelingSettings } from "./settings";

/**
 * Keys on a pair are ignored this long after it appears: a second press meant for the previous
 * pair (or a key held a moment too long) must not judge the next one sight unseen.
 */
export const KEY_GUARD_MS = 300;

/**
 * The compare screen's keys. Choices: 1/← the left response (A), 2/→ the right one (B), 3 a tie,
 * 4 both bad; Q/W/E how much better. Controls: S skip, R report, U or Ctrl+Z undo the last
 * judgment, ? guidelines and keys.
 */
export const CONTROL_KEYS = { skip: "s", report: "r", undo: "u", guidelines: "?" } as const;

/** 1/← is the left response (A), 2/→ the right one (B), 3 a tie, 4 both bad. */
export function choiceForKey(key: string, settings: LabelingSettings): Choice | null {
  if (key === "1" || key === "ArrowLeft") return "A";
  if (key === "2" || key === "ArrowRight") return "B";
  if (key === "3" && settings.allowTie) return "TIE";
  if (key === "4" && settings.allowBothBad) return "BOTH_BAD";
  return null;
}

export const STRENGTHS = [
  { value: 1, key: "q", label: "Slightly" },
  { value: 2, key: "w", label: "Clearly" },
  { value: 3, key: "e", label: "Much" },
] as const;

export function strengthForKey(key: string): number | null {
  return STRENGTHS.find((s) => s.key === key.toLowerCase())?.value ?? null;
}

/** Shortcuts stay out of the way while the labeler types. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** A plain key press: no browser shortcut, no auto-repeat from a key held down. */
export function isPlainPress(event: KeyboardEvent): boolean {
  return !event.defaultPrevented && !event.repeat && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** A modal dialog (guidelines, skip, report) is open: the pair's keys wait until it closes. */
export function isDialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

/** U, or Ctrl/⌘+Z outside a text box (where it undoes typing). */
export function isUndoPress(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.repeat || event.altKey || event.shiftKey) return false;
  const key = event.key.toLowerCase();
  if (event.ctrlKey || event.metaKey) return key === "z";
  return key === CONTROL_KEYS.undo;
}
