import { useSyncExternalStore } from "react";

/** The same test as the `touch:` CSS variant (app/globals.css), for text that differs on touch screens. */
const TOUCH_QUERY = "(hover: none) and (pointer: coarse)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(TOUCH_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True on a touch screen without a mouse (a phone, a tablet): hints then say "tap", not a key. */
export function useTouchScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(TOUCH_QUERY).matches,
    () => false,
  );
}
