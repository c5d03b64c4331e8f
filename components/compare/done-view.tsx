"use client";

import Link from "next/link";
import { useState } from "react";
import type { DoneTask } from "@/lib/assign/task";

export function DoneView({ task, onCheckAgain }: { task: DoneTask; onCheckAgain: () => void }) {
  if (task.reason === "quota") return <CompletionCode code={task.completionCode} />;
  if (task.reason === "held") return <HeldByOthers onCheckAgain={onCheckAgain} />;
  return (
    <section data-testid="done" data-reason="empty" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">No pairs left for you</h1>
      <p className="mt-2 text-stone-600">
        Thank you! Every pair you could judge has enough judgments for now. New pairs may come later.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button
          type="button"
          onClick={onCheckAgain}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Check again
        </button>
        <Link
          href="/"
          className="rounded-lg bg-stone-900 px-4 py-2 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          All projects
        </Link>
      </div>
    </section>
  );
}

/** Open slots exist, but other labelers hold them right now; the session asks again by itself. */
function HeldByOthers({ onCheckAgain }: { onCheckAgain: () => void }) {
  return (
    <section data-testid="done" data-reason="held" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Others are labeling the last pairs</h1>
      <p role="status" className="mt-2 text-stone-600">
        The remaining pairs are being labeled by others right now; trying again in a minute. A pair comes back to you
        when someone skips it or leaves it unanswered.
      </p>
      <div className="mt-6 flex justify-center">
        <button
          type="button"
          onClick={onCheckAgain}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          Check now
        </button>
      </div>
    </section>
  );
}

function CompletionCode({ code }: { code: string | undefined }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // Clipboard blocked (plain http, permissions): the code is selectable, so selecting is the fallback.
      const range = document.createRange();
      const node = document.getElementById("completion-code");
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
  }

  return (
    <section data-testid="done" data-reason="quota" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Thank you, you are done!</h1>
      {code ? (
        <>
          <p className="mt-2 text-stone-600">Your completion code: enter it on the platform that sent you here.</p>
          <output
            id="completion-code"
            data-testid="completion-code"
            className="mt-6 block rounded-xl border-2 border-dashed border-indigo-300 bg-white px-4 py-6 font-mono text-4xl font-semibold tracking-[0.15em] break-all text-indigo-900 select-all sm:text-5xl"
          >
            {code}
          </output>
          <button
            type="button"
            onClick={copy}
            aria-label="Copy the completion code"
            className="mt-4 rounded-lg bg-indigo-600 px-5 py-2.5 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {copied ? "Copied" : "Copy code"}
          </button>
        </>
      ) : (
        <p className="mt-2 text-stone-600">You have reached this project's quota.</p>
      )}
    </section>
  );
}
