import { type RefObject, useEffect, useRef, useState } from "react";

/**
 * When the content of the calling component was first painted (performance.now()), for timing a
 * decision from the moment it could be seen. Mount the component once per task (a `key`).
 */
export function useVisibleSince(): { since: RefObject<number | null>; visible: boolean } {
  const since = useRef<number | null>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      since.current = performance.now();
      setVisible(true);
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return { since, visible };
}

export function elapsedMs(since: number): number {
  return Math.max(1, Math.round(performance.now() - since));
}
