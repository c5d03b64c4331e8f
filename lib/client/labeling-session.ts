import type { DemonstrationTask, PairTask, Task } from "@/lib/assign/task";
import { ApiError, fetchNextTask } from "./api";
import { retryDelayMs } from "./backoff";
import { newClientId } from "./client-id";
import type { Outbox, OutboxItem } from "./outbox";

export type Choice = "A" | "B" | "TIE" | "BOTH_BAD";

export type ReportKind = "BROKEN" | "OFFENSIVE" | "DUPLICATE" | "OTHER";

/** How long "the remaining pairs are being labeled by others" waits before asking again. */
export const HELD_RETRY_MS = 60_000;

/** What the labeler decided about the pair on screen; A is the left candidate, B the right. */
export type Decision = { choice: Choice; strength?: number; rationale?: string; durationMs: number };

export type SessionView =
  | { kind: "loading" }
  /** The quota is met on this side; waiting for the outbox to deliver before asking for the code. */
  | { kind: "finishing" }
  /** `seq` counts tasks shown, so that a view is mounted afresh for each one. */
  | { kind: "task"; task: Task; seq: number }
  | { kind: "error"; message: string; signIn: boolean };

export type SessionState = {
  view: SessionView;
  /**
   * This labeler's judgments in the project: the server's count when the page loaded, plus those
   * made since (and those an earlier page left in the outbox), less refused and undone ones.
   */
  judged: number;
  written: number;
  /** Judgments still owed under the quota, or pairs still open to this labeler (an estimate). */
  remaining: number | null;
  hasQuota: boolean;
  /** Set while the next task cannot be fetched and the session keeps retrying. */
  connectionProblem: string | null;
  /** The last judgment can be taken back: the next pair (or "nothing left") is on screen. */
  canUndo: boolean;
};

export type SessionOptions = {
  projectSlug: string;
  outbox: Outbox;
  /** Judgments still owed (stored ones counted by the server), or null without a quota. */
  quotaLeft: number | null;
  /** Pairs the server could still give this labeler. */
  openPairs: number;
  /** Judgments the server had stored for this labeler when the page loaded. */
  judged?: number;
  nextTask?: (projectSlug: string, exclude: readonly string[]) => Promise<Task>;
  sleep?: (ms: number) => Promise<void>;
};

type Prefetch = { promise: Promise<Task>; task?: Task };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The labeling loop in the browser: shows one task, keeps the next one loaded, hands decisions to
 * the outbox and moves on at once. Framework-free, so the React screen only renders its state.
 */
export class LabelingSession {
  private readonly slug: string;
  private readonly outbox: Outbox;
  private readonly nextTask: (projectSlug: string, exclude: readonly string[]) => Promise<Task>;
  private readonly sleep: (ms: number) => Promise<void>;
  private current: Task | null = null;
  private prefetch: Prefetch | null = null;
  /** The judgment whose answer carries the next task to prefetch (decide), if any. */
  private nextFromAnswer: string | null = null;
  private disposed = false;
  private shown = 0;
  /** Prompts answered in this page: the server may offer one again until its answer is stored. */
  private readonly answered = new Set<string>();
  /** The judgment an undo takes back: the pair it answered and its client id. */
  private lastDecision: { task: PairTask; clientId: string } | null = null;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(options: SessionOptions) {
    this.slug = options.projectSlug;
    this.outbox = options.outbox;
    this.nextTask = options.nextTask ?? fetchNextTask;
    this.sleep = options.sleep ?? wait;
    const hasQuota = options.quotaLeft !== null;
    // What an earlier page left in the outbox is not counted by the server yet.
    const waiting = this.outbox.items();
    const carried =
      waiting.filter((item) => item.kind === "judgment").length - waiting.filter((item) => item.kind === "undo").length;
    const remaining = hasQuota ? (options.quotaLeft ?? 0) - carried : options.openPairs - carried;
    this.state = {
      view: { kind: "loading" },
      judged: Math.max(0, (options.judged ?? 0) + carried),
      written: 0,
      remaining: Math.max(0, remaining),
      hasQuota,
      connectionProblem: null,
      canUndo: false,
    };
    this.unsubscribe = this.outbox.onRefused(({ item }) => {
      if (item.promptId) this.answered.delete(item.promptId);
      if (item.kind !== "judgment") return;
      // A refused judgment was never stored: there is nothing to undo.
      if (this.lastDecision?.clientId === item.clientId) this.lastDecision = null;
      this.set({ judged: Math.max(0, this.state.judged - 1), remaining: (this.state.remaining ?? 0) + 1 });
    });
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    void this.advance();
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.listeners.clear();
  }

  decide(task: PairTask, decision: Decision): void {
    if (this.current !== task) return;
    const clientId = newClientId();
    // One request per judgment: when nothing waits ahead of it in the outbox, the judgment's own
    // answer brings the task after the prefetched one. Behind a queue (offline, retries) that
    // answer could be long in coming, so the next task is asked for separately, as before.
    const carriesNext = this.outbox.items().length === 0 && this.willPrefetchAfter(1);
    const next = carriesNext ? { next: { exclude: this.excluded() } } : {};
    this.outbox.enqueue({
      kind: "judgment",
      clientId,
      url: `/api/projects/${encodeURIComponent(this.slug)}/judgments`,
      assignmentId: task.assignmentId,
      body: { clientId, assignmentId: task.assignmentId, ...decision, ...next },
    });
    this.nextFromAnswer = carriesNext ? clientId : null;
    this.lastDecision = { task, clientId };
    this.set({ judged: this.state.judged + 1, remaining: Math.max(0, (this.state.remaining ?? 0) - 1) });
    void this.advance();
  }

  /** Leaves the pair on screen unjudged: its lease goes back and the server will not offer it again. */
  skip(task: PairTask, reason?: string): void {
    this.leave(task, "skip", "skips", { ...(reason?.trim() ? { reason: reason.trim() } : {}) });
  }

  /** Reports the pair on screen (which also skips it). */
  report(task: PairTask, kind: ReportKind, note?: string): void {
    this.leave(task, "report", "reports", { kind, ...(note?.trim() ? { note: note.trim() } : {}) });
  }

  /**
   * Takes the last judgment back and shows its pair again, with the pair that was on screen kept
   * for afterwards. A judgment still waiting in the outbox is simply removed; one already sent
   * (or on the wire) is undone by the server, through the outbox, after it: the server deletes
   * it and makes its lease live again, so answering anew goes to the same lease.
   */
  undo(): void {
    const last = this.lastDecision;
    if (!last || !this.state.canUndo) return;
    this.lastDecision = null;
    if (!this.outbox.withdraw(last.clientId)) {
      const clientId = newClientId();
      this.outbox.enqueue({
        kind: "undo",
        clientId,
        url: `/api/projects/${encodeURIComponent(this.slug)}/judgments/undo`,
        body: { clientId: last.clientId },
      });
    }
    const onScreen = this.current;
    this.prefetch = onScreen?.kind === "pair" ? { promise: Promise.resolve(onScreen), task: onScreen } : null;
    this.set({ judged: Math.max(0, this.state.judged - 1), remaining: (this.state.remaining ?? 0) + 1 });
    this.show(last.task, { prefetch: false });
  }

  submitDemonstration(task: DemonstrationTask, text: string, durationMs: number): void {
    if (this.current !== task) return;
    const clientId = newClientId();
    this.outbox.enqueue({
      kind: "demonstration",
      clientId,
      url: `/api/projects/${encodeURIComponent(this.slug)}/demonstrations`,
      promptId: task.promptId,
      body: { clientId, promptId: task.promptId, text, durationMs },
    });
    this.answered.add(task.promptId);
    this.lastDecision = null;
    this.set({ written: this.state.written + 1 });
    void this.advance();
  }

  private leave(task: PairTask, kind: "skip" | "report", path: string, details: Record<string, unknown>): void {
    if (this.current !== task) return;
    const clientId = newClientId();
    this.outbox.enqueue({
      kind,
      clientId,
      url: `/api/projects/${encodeURIComponent(this.slug)}/${path}`,
      assignmentId: task.assignmentId,
      body: { assignmentId: task.assignmentId, ...details },
    });
    this.lastDecision = null;
    // A skipped pair is one fewer left for this labeler; it does not count toward a quota.
    if (!this.state.hasQuota) this.set({ remaining: Math.max(0, (this.state.remaining ?? 0) - 1) });
    void this.advance();
  }

  /** Asks the server again, e.g. after "no pairs left". */
  refresh(): void {
    if (this.state.view.kind === "loading" || this.state.view.kind === "finishing") return;
    this.current = null;
    void this.advance();
  }

  private async advance(): Promise<void> {
    try {
      this.current = null;
      if (this.state.hasQuota && (this.state.remaining ?? 0) <= 0) {
        // The completion code comes from the server, which counts stored judgments only.
        this.prefetch = null;
        this.setView({ kind: "finishing" });
        await this.outbox.waitFor((items) => !items.some((item) => item.kind === "judgment"));
        this.show(await this.fetchTask());
        return;
      }
      const upcoming = this.prefetch;
      this.prefetch = null;
      if (upcoming?.task) {
        this.show(upcoming.task);
        return;
      }
      this.setView({ kind: "loading" });
      this.show(await (upcoming?.promise ?? this.fetchTask()));
    } catch (error) {
      if (this.disposed) return;
      const signIn = error instanceof ApiError && error.code === "UNAUTHORIZED";
      const message = signIn
        ? "Your session has ended. Sign in again to go on; decisions not yet sent are kept in this browser."
        : error instanceof ApiError
          ? error.message
          : "Something went wrong while loading the next task. Reload the page to go on.";
      this.setView({ kind: "error", message, signIn });
    }
  }

  private show(task: Task, { prefetch = true } = {}): void {
    if (this.disposed) return;
    this.current = task;
    this.shown += 1;
    this.setView({ kind: "task", task, seq: this.shown });
    // Demonstrations are not prefetched: until one is stored, the server would offer its prompt again.
    if (prefetch && task.kind === "pair" && this.willPrefetchAfter(0)) this.startPrefetch();
    if (task.kind === "done" && task.reason === "held") void this.retryWhenFreed(task);
  }

  /** Others hold the last pairs: their leases end (judged, skipped or expired) within minutes. */
  private async retryWhenFreed(task: Task): Promise<void> {
    await this.sleep(HELD_RETRY_MS);
    if (this.current === task && !this.disposed) this.refresh();
  }

  /** Whether a pair shown now (less `judging` judgments about to be counted) gets a successor loaded. */
  private willPrefetchAfter(judging: number): boolean {
    return !this.state.hasQuota || (this.state.remaining ?? 0) - judging > 1;
  }

  private startPrefetch(): void {
    const carrier = this.nextFromAnswer;
    this.nextFromAnswer = null;
    const entry: Prefetch = { promise: carrier ? this.taskFromAnswer(carrier) : this.fetchTask() };
    entry.promise.then(
      (task) => {
        entry.task = task;
      },
      () => undefined,
    );
    this.prefetch = entry;
  }

  /** Leases on screen, prefetched, or judged but not yet delivered must not be handed out again. */
  private excluded(): string[] {
    const ids = new Set<string>();
    if (this.current?.kind === "pair") ids.add(this.current.assignmentId);
    if (this.prefetch?.task?.kind === "pair") ids.add(this.prefetch.task.assignmentId);
    for (const item of this.outbox.items()) if (item.assignmentId) ids.add(item.assignmentId);
    return [...ids];
  }

  /**
   * The task a judgment's answer carried, or one asked for separately when the answer brought none
   * (refused, withdrawn by an undo, or the server could not serve one) or one this page must not
   * show: a lease it holds already (its exclusions were taken when the judgment was queued, before
   * a prefetch in flight had arrived) or a prompt whose demonstration is not yet delivered.
   */
  private async taskFromAnswer(clientId: string): Promise<Task> {
    const answer = (await this.outbox.answerOf(clientId)) as { next?: Task } | null;
    const task = answer?.next;
    if (!task || this.disposed) return this.fetchTask();
    const held =
      task.kind === "pair" &&
      ((this.current?.kind === "pair" && this.current.assignmentId === task.assignmentId) ||
        this.outbox.items().some(isAnswerTo(task.assignmentId)));
    const unsent = task.kind === "demonstration" && this.answered.has(task.promptId);
    return held || unsent ? this.fetchTask() : task;
  }

  private async fetchTask(): Promise<Task> {
    for (let failures = 0; ; ) {
      if (this.disposed) throw new Error("session closed");
      try {
        const task = await this.nextTask(this.slug, this.excluded());
        if (this.state.connectionProblem) this.set({ connectionProblem: null });
        if (task.kind === "demonstration" && this.answered.has(task.promptId)) {
          // Offered again because our answer had not reached the server yet: wait for it, then ask again.
          await this.outbox.waitFor((items) => !items.some(isDemonstrationOf(task.promptId)));
          continue;
        }
        if (task.kind === "pair" && this.outbox.items().some(isAnswerTo(task.assignmentId))) {
          // A lease answered but not yet delivered, handed back: the server reads only the first 50
          // excluded leases, and a long outbox holds more. Showing it again would ask for a second
          // answer the server refuses; wait for the first to arrive, then ask again.
          await this.outbox.waitFor((items) => !items.some(isAnswerTo(task.assignmentId)));
          continue;
        }
        return task;
      } catch (error) {
        if (error instanceof ApiError && error.definitive) throw error;
        this.set({ connectionProblem: "The server cannot be reached right now; retrying…" });
        await this.sleep(retryDelayMs(failures));
        failures += 1;
      }
    }
  }

  private setView(view: SessionView): void {
    this.set({ view });
  }

  /** Undo is offered while the task after the judged pair is on screen, except the quota's end. */
  private undoable(view: SessionView): boolean {
    if (!this.lastDecision || view.kind !== "task") return false;
    return view.task.kind === "pair" || (view.task.kind === "done" && view.task.reason !== "quota");
  }

  private set(patch: Omit<Partial<SessionState>, "canUndo">): void {
    if (this.disposed) return;
    const next = { ...this.state, ...patch };
    this.state = { ...next, canUndo: this.undoable(next.view) };
    for (const listener of [...this.listeners]) listener();
  }
}

function isAnswerTo(assignmentId: string) {
  return (item: OutboxItem) => item.assignmentId === assignmentId;
}

function isDemonstrationOf(promptId: string) {
  return (item: OutboxItem) => item.kind === "demonstration" && item.promptId === promptId;
}
