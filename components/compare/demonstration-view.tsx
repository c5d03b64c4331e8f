"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import type { DemonstrationTask } from "@/lib/assign/task";
import { PromptCard } from "./prompt-card";
import { elapsedMs, useVisibleSince } from "./use-visible-since";

type Props = { task: DemonstrationTask; onSubmit: (text: string, durationMs: number) => void };

/** "Write the best response": the labeler's own answer becomes a candidate that others judge blind. */
export function DemonstrationView({ task, onSubmit }: Props) {
  const { since, visible } = useVisibleSince();
  const [text, setText] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  function submit() {
    const shownAt = since.current;
    if (sent || shownAt === null) return;
    if (!text.trim()) {
      setHint("Write a response before submitting.");
      return;
    }
    setSent(true);
    onSubmit(text.trim(), elapsedMs(shownAt));
  }

  function onFormSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <section
      data-testid="demonstration"
      data-prompt-id={task.promptId}
      data-ready={visible ? "true" : "false"}
      className="mx-auto flex max-w-3xl flex-col gap-4"
    >
      <div>
        <h1 className="text-xl font-semibold">Write the best response</h1>
        <p className="text-sm text-stone-600">
          Answer the prompt the way you would want a model to. Others will compare your answer with model responses
          without knowing who wrote it.
        </p>
      </div>
      <PromptCard text={task.prompt} />
      <form onSubmit={onFormSubmit} className="flex flex-col gap-3">
        <label className="block">
          <span className="sr-only">Your response</span>
          <textarea
            data-testid="demonstration-text"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setHint(null);
            }}
            onKeyDown={onKeyDown}
            rows={12}
            maxLength={20_000}
            // biome-ignore lint/a11y/noAutofocus: writing is the only thing to do on this screen.
            autoFocus
            placeholder="Your response (markdown works: **bold**, lists, ```code```)…"
            className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-sm leading-relaxed focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
        </label>
        {hint && (
          <p role="alert" className="text-sm text-amber-800">
            {hint}
          </p>
        )}
        <div className="flex items-center justify-between gap-3">
          <span className="text-xs text-stone-500">{text.trim().length.toLocaleString()} characters</span>
          <button
            type="submit"
            disabled={sent}
            className="rounded-lg bg-indigo-600 px-5 py-2.5 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50"
          >
            Submit response <kbd className="ml-1 text-xs opacity-80 touch:hidden">Ctrl+Enter</kbd>
          </button>
        </div>
      </form>
    </section>
  );
}
