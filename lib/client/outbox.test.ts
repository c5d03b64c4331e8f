import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { retryDelayMs } from "./backoff";
import { Outbox, type OutboxItem } from "./outbox";

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const KEY = "outbox-test";

function judgment(clientId: string): Omit<OutboxItem, "enqueuedAt"> {
  return {
    kind: "judgment",
    clientId,
    url: "/api/projects/p/judgments",
    assignmentId: `lease-${clientId}`,
    body: { clientId, assignmentId: `lease-${clientId}`, choice: "A", durationMs: 10 },
  };
}

const json = (status: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const sentClientIds = (fetch: ReturnType<typeof vi.fn>) =>
  fetch.mock.calls.map(([, init]) => (JSON.parse(String((init as RequestInit).body)) as { clientId: string }).clientId);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("Outbox", () => {
  it("writes an item to storage before sending it, and removes it after a 2xx", async () => {
    const storage = new MemoryStorage();
    // Read here, asserted below: an assertion failing inside fetch would only make the outbox retry.
    const storedWhenSent: unknown[] = [];
    const fetch = vi.fn(async () => {
      storedWhenSent.push(JSON.parse(storage.getItem(KEY) ?? "[]"));
      return json(200);
    });
    const outbox = new Outbox({ key: KEY, storage, fetch });
    outbox.enqueue(judgment("c1"));
    await vi.runAllTimersAsync();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(storedWhenSent).toEqual([[expect.objectContaining({ clientId: "c1" })]]);
    expect(storage.getItem(KEY)).toBeNull();
    expect(outbox.getState().pending).toBe(0);
  });

  it("retries failures with backoff, reusing the client id, until the server answers", async () => {
    const storage = new MemoryStorage();
    let calls = 0;
    const fetch = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("Failed to fetch");
      if (calls === 2) return json(503);
      return json(200);
    });
    const outbox = new Outbox({ key: KEY, storage, fetch, random: () => 1 });
    outbox.enqueue(judgment("c1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(outbox.getState()).toMatchObject({ pending: 1, problem: "offline" });

    await vi.advanceTimersByTimeAsync(retryDelayMs(0, () => 1));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(outbox.getState().problem).toBe("server");

    await vi.advanceTimersByTimeAsync(retryDelayMs(1, () => 1));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(sentClientIds(fetch)).toEqual(["c1", "c1", "c1"]);
    expect(outbox.getState()).toMatchObject({ pending: 0, problem: null });
  });

  it("drops an item the server refuses for good, tells why, and goes on with the next", async () => {
    const storage = new MemoryStorage();
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(409, { error: { code: "PAIR_FULL", message: "This pair is full." } }))
      .mockResolvedValueOnce(json(200));
    const outbox = new Outbox({ key: KEY, storage, fetch });
    const refused = vi.fn();
    outbox.onRefused(refused);
    outbox.enqueue(judgment("c1"));
    outbox.enqueue(judgment("c2"));
    await vi.runAllTimersAsync();
    expect(refused).toHaveBeenCalledWith(
      expect.objectContaining({ status: 409, code: "PAIR_FULL", message: "This pair is full." }),
    );
    expect(sentClientIds(fetch)).toEqual(["c1", "c2"]);
    expect(outbox.items()).toEqual([]);
  });

  it("keeps items through a 401 (signed out) instead of dropping them", async () => {
    const fetch = vi.fn(async () => json(401, { error: { code: "UNAUTHORIZED", message: "Sign in first." } }));
    const outbox = new Outbox({ key: KEY, storage: new MemoryStorage(), fetch });
    outbox.enqueue(judgment("c1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.getState()).toMatchObject({ pending: 1, problem: "signed-out" });
    outbox.stop();
  });

  it("sends, in order, what an earlier page left in storage", async () => {
    const storage = new MemoryStorage();
    const first = new Outbox({ key: KEY, storage, fetch: vi.fn(async () => Promise.reject(new TypeError("offline"))) });
    first.enqueue(judgment("c1"));
    first.enqueue(judgment("c2"));
    first.stop();

    const fetch = vi.fn(async () => json(200));
    const reloaded = new Outbox({ key: KEY, storage, fetch });
    expect(reloaded.getState().pending).toBe(2);
    reloaded.start();
    await vi.runAllTimersAsync();
    expect(sentClientIds(fetch)).toEqual(["c1", "c2"]);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it("takes back an item that waits, but not one whose request is on the wire", async () => {
    let answer = (_: Response) => {};
    const fetch = vi.fn(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const outbox = new Outbox({ key: KEY, storage: new MemoryStorage(), fetch });
    outbox.enqueue(judgment("c1"));
    outbox.enqueue(judgment("c2"));
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.withdraw("c1")).toBe(false);
    expect(outbox.withdraw("c2")).toBe(true);
    expect(outbox.withdraw("c3")).toBe(false);
    answer(json(200));
    await vi.runAllTimersAsync();
    expect(sentClientIds(fetch)).toEqual(["c1"]);
    expect(outbox.items()).toEqual([]);
  });

  it("falls back to memory when storage refuses writes, and says so", async () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    const fetch = vi.fn(async () => Promise.reject(new TypeError("offline")));
    const outbox = new Outbox({ key: KEY, storage, fetch });
    outbox.enqueue(judgment("c1"));
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.getState()).toMatchObject({ pending: 1, persistent: false });
    outbox.stop();
  });
});

describe("retryDelayMs", () => {
  it("doubles from 0.5 s up to a 30 s cap, with jitter in the upper half", () => {
    expect(retryDelayMs(0, () => 1)).toBe(500);
    expect(retryDelayMs(0, () => 0)).toBe(250);
    expect(retryDelayMs(3, () => 1)).toBe(4_000);
    expect(retryDelayMs(20, () => 1)).toBe(30_000);
    expect(retryDelayMs(20, () => 0)).toBe(15_000);
  });
});
