"use client";

import { useCallback, useEffect, useState } from "react";
import { MarkdownText } from "../markdown/markdown";
import { Dialog } from "../ui/dialog";
import type { LabelingSettings } from "./settings";

/** Remembered per project and user, with a hash of the text: changed guidelines are shown again. */
function seenKey(projectSlug: string, userId: string): string {
  return `vibecheck:guidelines-seen:v1:${projectSlug}:${userId}`;
}

function textHash(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return hash.toString(36);
}

/**
 * Whether the labeler still has to read the guidelines before the first pair: null until the
 * browser's storage was read (on the server, and for the first paint). Without guidelines, false.
 */
export function useGuidelinesIntro(projectSlug: string, userId: string, guidelines: string | null) {
  const [pending, setPending] = useState<boolean | null>(guidelines ? null : false);
  useEffect(() => {
    if (!guidelines) return setPending(false);
    try {
      setPending(window.localStorage.getItem(seenKey(projectSlug, userId)) !== textHash(guidelines));
    } catch {
      setPending(true);
    }
  }, [projectSlug, userId, guidelines]);
  const dismiss = useCallback(() => {
    setPending(false);
    try {
      if (guidelines) window.localStorage.setItem(seenKey(projectSlug, userId), textHash(guidelines));
    } catch {
      // Storage blocked: they will be shown again on the next visit, which does no harm.
    }
  }, [projectSlug, userId, guidelines]);
  return { pending, dismiss };
}

/** Shown instead of the first pair until the labeler has read the guidelines. */
export function GuidelinesIntro({ guidelines, onStart }: { guidelines: string; onStart: () => void }) {
  return (
    <section data-testid="guidelines-intro" aria-labelledby="guidelines-intro-title" className="mx-auto max-w-3xl py-6">
      <h1 id="guidelines-intro-title" className="text-2xl font-semibold">
        Before you start: the guidelines
      </h1>
      <p className="mt-1 text-sm text-stone-600">
        Read how this project wants pairs judged. You can open them again at any time with the Guidelines button
        <span className="touch:hidden"> or the ? key</span>.
      </p>
      <div className="mt-4 max-h-[60dvh] overflow-auto rounded-lg border border-stone-200 bg-white px-5 py-4 text-stone-800 shadow-sm">
        <MarkdownText text={guidelines} />
      </div>
      <button
        type="button"
        onClick={onStart}
        // biome-ignore lint/a11y/noAutofocus: starting is the one thing to do on this screen, by keyboard too.
        autoFocus
        className="mt-5 rounded-lg bg-indigo-600 px-5 py-2.5 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        I have read them, start labeling <kbd className="ml-1 text-xs opacity-80 touch:hidden">Enter</kbd>
      </button>
    </section>
  );
}

/** The guidelines again (the ? key or the header's button), with the keys of the compare screen. */
export function GuidelinesDialog({
  open,
  onClose,
  guidelines,
  settings,
}: {
  open: boolean;
  onClose: () => void;
  guidelines: string | null;
  settings: LabelingSettings;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Guidelines" testId="guidelines-dialog">
      {guidelines ? (
        <MarkdownText text={guidelines} />
      ) : (
        <p className="text-stone-700">This project has no written guidelines: pick the response you find better.</p>
      )}
      <div className="mt-5 border-t border-stone-200 pt-4 touch:hidden">
        <h3 className="mb-2 text-sm font-semibold text-stone-800">Keys</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-stone-700">
          <KeyRow keys={["1", "←"]} what="the left response (A) is better" />
          <KeyRow keys={["2", "→"]} what="the right response (B) is better" />
          {settings.allowTie && <KeyRow keys={["3"]} what="tie" />}
          {settings.allowBothBad && <KeyRow keys={["4"]} what="both are bad" />}
          {settings.strengthScale && <KeyRow keys={["Q", "W", "E"]} what="how much better, before choosing" />}
          <KeyRow keys={["S"]} what="skip this pair" />
          <KeyRow keys={["R"]} what="report this pair (broken, offensive, duplicate)" />
          <KeyRow keys={["U", "Ctrl+Z"]} what="undo your last answer" />
          <KeyRow keys={["?"]} what="these guidelines" />
        </dl>
      </div>
    </Dialog>
  );
}

function KeyRow({ keys, what }: { keys: string[]; what: string }) {
  return (
    <>
      <dt className="flex gap-1">
        {keys.map((k) => (
          <kbd
            key={k}
            className="min-w-6 rounded border border-stone-300 bg-stone-50 px-1.5 text-center text-xs leading-5"
          >
            {k}
          </kbd>
        ))}
      </dt>
      <dd>{what}</dd>
    </>
  );
}
