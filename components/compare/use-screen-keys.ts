import { useEffect } from "react";
import { CONTROL_KEYS, isDialogOpen, isTypingTarget, isUndoPress } from "./keys";

/**
 * The keys that work whatever task is on screen: ? opens the guidelines, U or Ctrl+Z undoes the
 * last judgment. Not guarded like a pair's keys: neither can judge anything sight unseen.
 */
export function useScreenKeys({ onGuidelines, onUndo }: { onGuidelines: () => void; onUndo: (() => void) | null }) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target) || isDialogOpen()) return;
      if (event.key === CONTROL_KEYS.guidelines && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        onGuidelines();
      } else if (onUndo && isUndoPress(event)) {
        event.preventDefault();
        onUndo();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onGuidelines, onUndo]);
}
