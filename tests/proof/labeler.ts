import type { Task } from "../../lib/assign/task";
import { ApiError } from "../../lib/client/api";
import { LabelingSession } from "../../lib/client/labeling-session";
import { Outbox } from "../../lib/client/outbox";

/** What one simulated labeler saw: the client ids it sent, and the server's final word on each. */
export type LabelerLedger = {
  sent: Set<string>;
  acknowledged: Set<string>;
  refused: Map<string, string>;
};

export type LabelerOptions = {
  base: string;
  cookie: string;
  slug: string;
  /** Judgments this labeler makes before it stops. */
  quota: number;
  /** Mean think time between seeing a pair and answering it (exponential). */
  thinkMs: number;
  random: () => number;
};

/**
 * A labeler in a browser tab, made of the browser's own code: the labeling session (prefetch,
 * excluded leases, retry of the next task) and the outbox (kept until acknowledged, retried with
 * the same client id and backoff). Only `fetch` is swapped: it reaches the server on loopback with
 * the session cookie, and fails as a dropped network does while the labeler is offline.
 */
export class SimulatedLabeler {
  readonly ledger: LabelerLedger = { sent: new Set(), acknowledged: new Set(), refused: new Map() };
  private offline = false;
  private readonly outbox: Outbox;
  private readonly session: LabelingSession;
  private decided = 0;
  requests = 0;
  /** Requests that got no answer, a server fault or a rate limit: the browser code retries them. */
  failedRequests = 0;
  private stopping = false;
  private answering: string | null = null;
  private readonly answered = new Set<string>();
  private finished!: () => void;
  private failed!: (error: Error) => void;
  readonly done: Promise<void>;

  constructor(private readonly options: LabelerOptions) {
    this.done = new Promise((resolve, reject) => {
      this.finished = resolve;
      this.failed = reject;
    });
    this.outbox = new Outbox({ key: "proof", storage: null, fetch: this.fetch, random: options.random });
    this.outbox.onStored((item) => {
      if (item.kind === "judgment") this.ledger.acknowledged.add(item.clientId);
    });
    this.outbox.onRefused(({ item, code }) => {
      if (item.kind === "judgment") this.ledger.refused.set(item.clientId, code);
    });
    this.session = new LabelingSession({
      projectSlug: options.slug,
      outbox: this.outbox,
      quotaLeft: null,
      openPairs: Number.MAX_SAFE_INTEGER,
      nextTask: (slug, exclude) => this.nextTask(slug, exclude),
    });
    this.session.subscribe(() => this.onState());
  }

  get quota(): number {
    return this.options.quota;
  }

  start(): void {
    this.outbox.start();
    this.session.start();
  }

  /** The network drops: every request fails until `goOnline`. */
  goOffline(): void {
    this.offline = true;
  }

  /** The network is back: the browser's "online" event makes the outbox send at once. */
  goOnline(): void {
    this.offline = false;
    void this.outbox.flush();
  }

  /** Where this labeler is, for a run that stops making progress. */
  describe(): string {
    const { view } = this.session.getState();
    const shown =
      view.kind === "task" ? `${view.task.kind}${view.task.kind === "done" ? `/${view.task.reason}` : ""}` : view.kind;
    return `${shown}, ${this.decided} decided, ${this.pending} waiting, ${this.offline ? "offline" : "online"}`;
  }

  get pending(): number {
    return this.outbox.items().length;
  }

  private readonly fetch: typeof fetch = async (input, init) => {
    this.requests += 1;
    if (this.offline) {
      this.failedRequests += 1;
      throw new TypeError("Failed to fetch (offline)");
    }
    const headers = new Headers(init?.headers);
    headers.set("cookie", this.options.cookie);
    try {
      const response = await fetch(new URL(String(input), this.options.base), { ...init, headers });
      if (response.status >= 500 || response.status === 429) this.failedRequests += 1;
      return response;
    } catch (error) {
      this.failedRequests += 1;
      throw error;
    }
  };

  /** fetchNextTask's rules (ApiError with the status) over this labeler's fetch. */
  private async nextTask(slug: string, exclude: readonly string[]): Promise<Task> {
    const query = exclude.length > 0 ? `?exclude=${encodeURIComponent(exclude.join(","))}` : "";
    let response: Response;
    try {
      response = await this.fetch(`/api/projects/${slug}/next${query}`, { cache: "no-store" });
    } catch {
      throw new ApiError(0, "NETWORK", "The server could not be reached.");
    }
    const body = (await response.json().catch(() => null)) as (Task & { error?: { code?: string } }) | null;
    if (response.ok && body && !body.error) return body;
    throw new ApiError(response.status, `HTTP_${response.status}`, `next task: HTTP ${response.status}`);
  }

  private onState(): void {
    const { view } = this.session.getState();
    if (view.kind === "error") {
      this.failed(new Error(`labeler stopped: ${view.message}`));
      return;
    }
    if (view.kind !== "task") return;
    const task = view.task;
    const nothingLeft = task.kind === "done" && task.reason === "empty";
    if (nothingLeft || (task.kind === "pair" && this.decided >= this.options.quota)) {
      this.stopWhenDelivered();
      return;
    }
    if (task.kind !== "pair" || this.answering === task.assignmentId) return;
    if (this.answered.has(task.assignmentId)) {
      // A person would answer it again, and the server would refuse the second answer.
      this.failed(new Error(`the session showed lease ${task.assignmentId} again after it was answered`));
      return;
    }
    this.answering = task.assignmentId;
    this.answered.add(task.assignmentId);
    const thinkMs = -Math.log(1 - this.options.random()) * this.options.thinkMs;
    setTimeout(() => {
      const before = new Set(this.outbox.items().map((item) => item.clientId));
      this.decided += 1;
      this.session.decide(task, { choice: this.options.random() < 0.5 ? "A" : "B", durationMs: Math.round(thinkMs) });
      for (const item of this.outbox.items()) if (!before.has(item.clientId)) this.ledger.sent.add(item.clientId);
    }, thinkMs);
  }

  private stopWhenDelivered(): void {
    if (this.stopping) return;
    this.stopping = true;
    void this.outbox
      .waitFor((items) => items.length === 0)
      .then(() => {
        this.session.dispose();
        this.outbox.stop();
        this.finished();
      });
  }
}
