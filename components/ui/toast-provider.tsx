"use client";

import { createContext, type ReactNode, useContext } from "react";
import { Toasts, useToasts } from "./toasts";

const ToastContext = createContext<(message: string) => void>(() => {});

/** Lets any client component of a page confirm an action with a toast instead of a reload. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { toasts, push } = useToasts();
  return (
    <ToastContext.Provider value={push}>
      {children}
      <Toasts toasts={toasts} />
    </ToastContext.Provider>
  );
}

export function useToast(): (message: string) => void {
  return useContext(ToastContext);
}
