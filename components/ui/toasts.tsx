"use client";

import { useCallback, useEffect, useRef, useState } from "react";

type Toast = { id: number; message: string };

const SHOW_MS = 5_000;

/** Short messages that go away on their own (a refused judgment, for instance). */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const push = useCallback((message: string) => {
    nextId.current += 1;
    const id = nextId.current;
    setToasts((list) => [...list.slice(-2), { id, message }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setToasts((list) => list.filter((t) => t.id !== id));
    }, SHOW_MS);
    timers.current.add(timer);
  }, []);

  return { toasts, push };
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 top-14 z-30 flex flex-col items-center gap-2 px-4"
    >
      {toasts.map((t) => (
        <p
          key={t.id}
          data-testid="toast"
          className="pointer-events-auto max-w-md rounded-lg bg-stone-900 px-4 py-2 text-sm text-white shadow-lg"
        >
          {t.message}
        </p>
      ))}
    </div>
  );
}
