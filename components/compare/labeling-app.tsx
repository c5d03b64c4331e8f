"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { type Decision, LabelingSession, type SessionState } from "@/lib/client/labeling-session";
import { browserStorage, Outbox, type OutboxState, outboxKey } from "@/lib/client/outbox";
import { Toasts, useToasts } from "../ui/toasts";
import { DemonstrationView } from "./demonstration-view";
import { DoneView } from "./done-view";
import { GuidelinesDialog, GuidelinesIntro, useGuidelinesIntro } from "./guidelines";
import { UndoButton } from "./pair-controls";
import { PairView } from "./pair-view";
import type { LabelingSettings } from "./settings";
import { SyncStatus } from "./sync-status";
import { useScreenKeys } from "./use-screen-keys";
import { useStore } from "./use-store";

export type LabelingAppProps = {
  projectSlug: string;
  projectName: string;
  userId: string;
  settings: LabelingSettings;
  /** The project's guidelines (markdown), shown before the first pair and on "?"; null without. */
  guidelines: string | null;
  /** This labeler's judgments stored in the project when the page loaded. */
  judged: number;
  /** Judgments still owed under the project's quota, or null without one. */
  quotaLeft: number | null;
  openPairs: number;
};

const LOADING_SESSION: SessionState = {
  view: { kind: "loading" },
  judged: 0,
  written: 0,
  remaining: null,
  hasQuota: false,
  connectionProblem: null,
  canUndo: false,
};
const EMPTY_OUTBOX: OutboxState = { pending: 0, problem: null, persistent: true };

/** The compare screen: wires the outbox and the session to the views, one task at a time. */
export function LabelingApp(props: LabelingAppProps) {
  const { projectSlug, projectName, userId, settings, guidelines, judged, quotaLeft, openPairs } = props;
  const [engine, setEngine] = useState<{ outbox: Outbox; session: LabelingSession } | null>(null);
  const { toasts, push } = useToasts();
  const intro = useGuidelinesIntro(projectSlug, userId, guidelines);
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);

  useEffect(() => {
    const outbox = new Outbox({ key: outboxKey(projectSlug, userId), storage: browserStorage() });
    const session = new LabelingSession({ projectSlug, outbox, quotaLeft, openPairs, judged });
    const stopToasts = outbox.onRefused((refusal) => push(refusal.message));
    outbox.start();
    session.start();
    setEngine({ outbox, session });
    return () => {
      stopToasts();
      session.dispose();
      outbox.stop();
    };
  }, [projectSlug, userId, quotaLeft, openPairs, judged, push]);

  const state = useStore(engine?.session ?? null, LOADING_SESSION);
  const sync = useStore(engine?.outbox ?? null, EMPTY_OUTBOX);
  const session = engine?.session;
  const undo = state.canUndo && session ? () => session.undo() : null;
  const openGuidelines = useCallback(() => setGuidelinesOpen(true), []);
  useScreenKeys({ onGuidelines: openGuidelines, onUndo: intro.pending ? null : undo });

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
          <p className="min-w-0 truncate text-sm">
            <Link href="/" className="font-semibold text-stone-900 hover:underline">
              Vibecheck
            </Link>
            <span className="text-stone-400"> / </span>
            <span className="text-stone-700">{projectName}</span>
          </p>
          <div className="flex items-center gap-4 text-xs text-stone-600">
            <span data-testid="progress">
              <strong className="font-semibold text-stone-900" data-testid="judged-count">
                {state.judged}
              </strong>{" "}
              judged{state.written > 0 && ` · ${state.written} written`}
              {state.remaining !== null &&
                (state.hasQuota
                  ? ` · ${state.remaining} to go`
                  : // Zero open pairs while others still hold leases is not "done": say nothing rather than "about 0".
                    state.remaining > 0 && ` · about ${state.remaining} left`)}
            </span>
            <SyncStatus state={sync} />
            <button
              type="button"
              data-testid="open-guidelines"
              onClick={openGuidelines}
              aria-label="Guidelines and keys (key ?)"
              className="rounded-md border border-stone-300 bg-white px-2 py-1 text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Guidelines <kbd className="ml-0.5 text-stone-600 touch:hidden">?</kbd>
            </button>
          </div>
        </div>
      </header>
      <Toasts toasts={toasts} />
      {state.connectionProblem && (
        <p role="alert" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
          {state.connectionProblem}
        </p>
      )}
      <GuidelinesDialog
        open={guidelinesOpen}
        onClose={() => setGuidelinesOpen(false)}
        guidelines={guidelines}
        settings={settings}
      />
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 pt-4">
        {intro.pending === null && <Waiting text="Loading…" />}
        {intro.pending && guidelines && <GuidelinesIntro guidelines={guidelines} onStart={intro.dismiss} />}
        {intro.pending === false && (
          <TaskScreen state={state} session={session} settings={settings} projectSlug={projectSlug} undo={undo} />
        )}
      </main>
    </div>
  );
}

function TaskScreen({
  state,
  session,
  settings,
  projectSlug,
  undo,
}: {
  state: SessionState;
  session: LabelingSession | undefined;
  settings: LabelingSettings;
  projectSlug: string;
  undo: (() => void) | null;
}) {
  const view = state.view;
  return (
    <>
      {view.kind === "loading" && <Waiting text="Loading the next pair…" />}
      {view.kind === "finishing" && <Waiting text="Saving your last answers…" />}
      {view.kind === "error" && (
        <section role="alert" className="mx-auto max-w-lg py-16 text-center">
          <p className="text-stone-800">{view.message}</p>
          {view.signIn && (
            <Link
              className="mt-4 inline-block rounded-lg bg-stone-900 px-4 py-2 text-white"
              href={`/login?callbackUrl=${encodeURIComponent(`/label/${projectSlug}`)}`}
            >
              Sign in again
            </Link>
          )}
        </section>
      )}
      {view.kind === "task" && session && view.task.kind === "pair" && (
        <PairView
          key={view.seq}
          task={view.task}
          settings={settings}
          onDecide={(decision: Decision) => view.task.kind === "pair" && session.decide(view.task, decision)}
          onSkip={(reason) => view.task.kind === "pair" && session.skip(view.task, reason)}
          onReport={(kind, note) => view.task.kind === "pair" && session.report(view.task, kind, note)}
          onUndo={undo}
        />
      )}
      {view.kind === "task" && session && view.task.kind === "demonstration" && (
        <DemonstrationView
          key={view.seq}
          task={view.task}
          onSubmit={(text, durationMs) =>
            view.task.kind === "demonstration" && session.submitDemonstration(view.task, text, durationMs)
          }
        />
      )}
      {view.kind === "task" && session && view.task.kind === "done" && (
        <>
          <DoneView task={view.task} onCheckAgain={() => session.refresh()} />
          {undo && (
            <div className="-mt-10 flex justify-center">
              <UndoButton onUndo={undo} />
            </div>
          )}
        </>
      )}
    </>
  );
}

function Waiting({ text }: { text: string }) {
  return (
    <p data-testid="waiting" className="py-24 text-center text-stone-500" aria-busy="true">
      {text}
    </p>
  );
}
