import type { ClientErrorCode } from "./api";
import { retryDelayMs } from "./backoff";

/**
 * One submission waiting to reach the server. The body carries its client id, reused on every
 * retry. Skips, reports and undos are idempotent on the server too, so they travel the same way.
 */
export type OutboxItem = {
  clientId: string;
  kind: "judgment" | "demonstration" | "skip" | "report" | "undo";
  url: string;
  body: Record<string, unknown>;
  /** The lease a judgment, skip or report answers: the next-task request excludes it until the server has it. */
  assignmentId?: string;
  /** The prompt a demonstration answers. */
  promptId?: string;
  enqueuedAt: number;
};

export type OutboxProblem = "offline" | "server" | "signed-out";

export type OutboxState = {
  pending: number;
  problem: OutboxProblem | null;
  /** False when the browser refuses storage: items then live only as long as the tab. */
  persistent: boolean;
};

/** A definitive answer other than success (409, 400, 404…): the item is dropped, the message shown. */
export type Refusal = { item: OutboxItem; status: number; code: ClientErrorCode; message: string };

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type OutboxOptions = {
  key: string;
  /** localStorage in the browser; null keeps items in memory only. */
  storage: KeyValueStorage | null;
  fetch?: typeof fetch;
  random?: () => number;
  /** How long one request may take before it counts as failed and is retried. */
  requestTimeoutMs?: number;
};

type Outcome =
  | { kind: "stored"; answer: unknown }
  | { kind: "refused"; refusal: Refusal }
  | { kind: "retry"; problem: OutboxProblem };

export function outboxKey(projectSlug: string, userId: string): string {
  return `vibecheck:outbox:v1:${projectSlug}:${userId}`;
}

/** The browser's localStorage, or null where it is missing or blocked (private modes, policies). */
export function browserStorage(): KeyValueStorage | null {
  try {
    const storage = window.localStorage;
    const probe = "vibecheck:probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * Nothing a labeler decides is lost: each submission is written to storage before it is sent,
 * and removed only once the server has answered for good. Items go out one at a time, in order.
 * Failures (network, 5xx, 401) are retried with capped exponential backoff; coming back online,
 * the tab becoming visible, or a page load send at once. The server stores a client id once,
 * so a retry of a request whose answer was lost is harmless.
 */
export class Outbox {
  private readonly key: string;
  private readonly storage: KeyValueStorage | null;
  private readonly fetch: typeof fetch;
  private readonly random: () => number;
  private readonly requestTimeoutMs: number;
  private memory: OutboxItem[] = [];
  private persistent: boolean;
  private sending = false;
  /** The item whose request is on the wire: it can no longer be taken back locally. */
  private inFlight: string | null = null;
  private stopped = false;
  private failures = 0;
  private problem: OutboxProblem | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private state: OutboxState;
  private readonly listeners = new Set<() => void>();
  private readonly storedListeners = new Set<(item: OutboxItem, answer: unknown) => void>();
  private readonly refusedListeners = new Set<(refusal: Refusal) => void>();
  private detach: (() => void) | null = null;

  constructor(options: OutboxOptions) {
    this.key = options.key;
    this.storage = options.storage;
    this.persistent = options.storage !== null;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.random = options.random ?? Math.random;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
    this.memory = this.read();
    this.state = this.computeState();
  }

  items(): OutboxItem[] {
    return this.read();
  }

  getState = (): OutboxState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** `answer` is the server's JSON answer to the item (null when it sent none). */
  onStored(listener: (item: OutboxItem, answer: unknown) => void): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  onRefused(listener: (refusal: Refusal) => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  /** Resolves once the items satisfy `predicate` (checked now and after every change). */
  waitFor(predicate: (items: OutboxItem[]) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!predicate(this.items())) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
      check();
    });
  }

  /**
   * The server's answer to an item once it is stored; null when it is refused, withdrawn, gone
   * from the queue otherwise (another tab sent it), or delayed: the outbox has a problem (offline,
   * a failed attempt) while the item waits, so whoever waits for the answer had better not.
   */
  answerOf(clientId: string): Promise<unknown> {
    return new Promise((resolve) => {
      const done = (answer: unknown) => {
        offStored();
        this.listeners.delete(unanswered);
        resolve(answer);
      };
      const offStored = this.onStored((item, answer) => {
        if (item.clientId === clientId) done(answer);
      });
      // Stored items are reported to onStored before the change is emitted, so "gone" here means
      // the item left the queue without an answer.
      const unanswered = () => {
        const waiting = this.read().some((item) => item.clientId === clientId);
        if (!waiting || this.state.problem !== null) done(null);
      };
      this.listeners.add(unanswered);
      unanswered();
    });
  }

  /** Writes the item to storage first, then starts sending. */
  enqueue(item: Omit<OutboxItem, "enqueuedAt">): void {
    this.write([...this.read(), { ...item, enqueuedAt: Date.now() }]);
    this.emit();
    void this.flush();
  }

  /**
   * Takes an item back before it was sent (an undone judgment still waiting): true if it was
   * removed. False when it is not here or its request is already on the wire, where the server
   * may store it: the caller then sends an undo after it.
   */
  withdraw(clientId: string): boolean {
    const items = this.read();
    if (this.inFlight === clientId || !items.some((item) => item.clientId === clientId)) return false;
    this.write(items.filter((item) => item.clientId !== clientId));
    this.emit();
    return true;
  }

  /** Listens to the browser (online, visibility, other tabs) and sends what a previous page left. */
  start(): void {
    this.stopped = false;
    if (typeof window !== "undefined" && !this.detach) {
      const online = () => {
        this.failures = 0;
        void this.flush();
      };
      const offline = () => this.emit();
      const visible = () => {
        if (document.visibilityState === "visible") void this.flush();
      };
      const otherTab = (event: StorageEvent) => {
        if (event.key === this.key) this.emit();
      };
      window.addEventListener("online", online);
      window.addEventListener("offline", offline);
      window.addEventListener("storage", otherTab);
      document.addEventListener("visibilitychange", visible);
      this.detach = () => {
        window.removeEventListener("online", online);
        window.removeEventListener("offline", offline);
        window.removeEventListener("storage", otherTab);
        document.removeEventListener("visibilitychange", visible);
      };
    }
    void this.flush();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.detach?.();
    this.detach = null;
  }

  async flush(): Promise<void> {
    if (this.sending || this.stopped) return;
    this.clearTimer();
    this.sending = true;
    try {
      for (;;) {
        const head = this.read()[0];
        if (!head || this.stopped) break;
        this.inFlight = head.clientId;
        const outcome = await this.send(head).finally(() => {
          this.inFlight = null;
        });
        if (outcome.kind === "retry") {
          this.problem = outcome.problem;
          this.schedule(retryDelayMs(this.failures, this.random));
          this.failures += 1;
          break;
        }
        this.failures = 0;
        this.problem = null;
        this.write(this.read().filter((item) => item.clientId !== head.clientId));
        if (outcome.kind === "stored") for (const listener of this.storedListeners) listener(head, outcome.answer);
        else for (const listener of this.refusedListeners) listener(outcome.refusal);
        this.emit();
      }
    } finally {
      this.sending = false;
      this.emit();
    }
  }

  private async send(item: OutboxItem): Promise<Outcome> {
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), this.requestTimeoutMs);
    try {
      const response = await this.fetch(item.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(item.body),
        credentials: "same-origin",
        cache: "no-store",
        signal: abort.signal,
      });
      if (response.ok) return { kind: "stored", answer: await response.json().catch(() => null) };
      // Timeouts, rate limits and server faults are the transport's: they pass, whoever answered.
      if (response.status === 408 || response.status === 429 || response.status >= 500)
        return { kind: "retry", problem: "server" };
      const { code, message } = await readError(response);
      // Signed out: the items wait, whether the API or a proxy in front of it said so.
      if (code === "UNAUTHORIZED" || code === "HTTP_401") return { kind: "retry", problem: "signed-out" };
      return { kind: "refused", refusal: { item, status: response.status, code, message } };
    } catch {
      return { kind: "retry", problem: "offline" };
    } finally {
      clearTimeout(timeout);
    }
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private read(): OutboxItem[] {
    if (!this.persistent || !this.storage) return [...this.memory];
    try {
      return parseItems(this.storage.getItem(this.key));
    } catch {
      return [...this.memory];
    }
  }

  private write(items: OutboxItem[]): void {
    this.memory = items;
    if (!this.persistent || !this.storage) return;
    try {
      if (items.length > 0) this.storage.setItem(this.key, JSON.stringify(items));
      else this.storage.removeItem(this.key);
    } catch {
      // Storage full or revoked: keep going in memory; the state tells the labeler to keep the tab open.
      this.persistent = false;
    }
  }

  private computeState(): OutboxState {
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    return {
      pending: this.read().length,
      problem: offline ? "offline" : this.problem,
      persistent: this.persistent,
    };
  }

  private emit(): void {
    const next = this.computeState();
    const previous = this.state;
    if (
      next.pending !== previous.pending ||
      next.problem !== previous.problem ||
      next.persistent !== previous.persistent
    ) {
      this.state = next;
    }
    for (const listener of [...this.listeners]) listener();
  }
}

function parseItems(raw: string | null): OutboxItem[] {
  if (!raw) return [];
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (item): item is OutboxItem =>
      typeof item === "object" &&
      item !== null &&
      typeof item.clientId === "string" &&
      typeof item.url === "string" &&
      typeof item.body === "object",
  );
}

async function readError(response: Response): Promise<{ code: ClientErrorCode; message: string }> {
  try {
    const body = (await response.json()) as { error?: { code?: ClientErrorCode; message?: string } };
    return {
      code: body.error?.code ?? `HTTP_${response.status}`,
      message: body.error?.message ?? `The server refused this (HTTP ${response.status}).`,
    };
  } catch {
    return { code: `HTTP_${response.status}`, message: `The server refused this (HTTP ${response.status}).` };
  }
}
