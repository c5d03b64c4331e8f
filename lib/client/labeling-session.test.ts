import { describe, expect, it, vi } from "vitest";
import type { PairTask, Task } from "@/lib/assign/task";
import { LabelingSession } from "./labeling-session";
import { Outbox } from "./outbox";

const pair = (n: number): PairTask => ({
  kind: "pair",
  assignmentId: `lease-${n}`,
  expiresAt: "2030-01-01T00:00:00.000Z",
  prompt: `prompt ${n}`,
  left: { id: `left-${n}`, text: "left" },
  right: { id: `right-${n}`, text: "right" },
});

/** A server that hands out pairs 1, 2, 3… and records what each request excluded. */
function fakeServer(done: (served: number) => Task | null = () => null) {
  let served = 0;
  const excluded: string[][] = [];
  const nextTask = vi.fn(async (_slug: string, exclude: readonly string[]) => {
    excluded.push([...exclude]);
    const finished = done(served);
    if (finished) return finished;
    served += 1;
    return pair(served);
  });
  return { nextTask, excluded };
}

const shownTask = (session: LabelingSession) => {
  const view = session.getState().view;
  return view.kind === "task" ? view.task : null;
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Requests hang until the "network" comes back, so delivery happens only when the test says so. */
function heldOutbox() {
  let reconnect = () => {};
  const network = new Promise<void>((resolve) => {
    reconnect = resolve;
  });
  const outbox = new Outbox({
    key: "k",
    storage: null,
    fetch: async () => network.then(() => new Response("{}", { status: 200 })),
  });
  return { outbox, reconnect };
}

function offlineOutbox() {
  return new Outbox({ key: "k", storage: null, fetch: async () => Promise.reject(new TypeError("offline")) });
}

describe("LabelingSession", () => {
  it("prefetches the next pair, excluding the one on screen, and shows it at once after a decision", async () => {
    const server = fakeServer();
    const outbox = offlineOutbox();
    const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: null, openPairs: 10, ...server });
    session.start();
    await tick();
    expect(shownTask(session)).toEqual(pair(1));
    expect(server.excluded[1]).toEqual(["lease-1"]);

    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 100 });
    expect(shownTask(session)).toEqual(pair(2));
    expect(session.getState()).toMatchObject({ judged: 1, remaining: 9 });
    expect(outbox.items()).toEqual([
      expect.objectContaining({ assignmentId: "lease-1", body: expect.objectContaining({ choice: "A" }) }),
    ]);
    await tick();
    // The judged lease is still in the outbox (offline), so it is excluded along with the one shown.
    expect(server.excluded[2]).toEqual(["lease-2", "lease-1"]);
    outbox.stop();
    session.dispose();
  });

  it("stops prefetching at the quota and asks for the code once the outbox has delivered", async () => {
    const server = fakeServer((served) =>
      served >= 2 ? { kind: "done", reason: "quota", completionCode: "C0DE" } : null,
    );
    const { outbox, reconnect } = heldOutbox();
    const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: 2, openPairs: 10, ...server });
    session.start();
    await tick();
    session.decide(shownTask(session) as PairTask, { choice: "B", durationMs: 5 });
    await tick();
    expect(shownTask(session)).toMatchObject({ assignmentId: "lease-2" });
    expect(server.nextTask).toHaveBeenCalledTimes(2);

    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 5 });
    expect(session.getState().view.kind).toBe("finishing");
    await tick();
    expect(session.getState().view.kind).toBe("finishing");
    reconnect();
    await vi.waitFor(() =>
      expect(shownTask(session)).toEqual({ kind: "done", reason: "quota", completionCode: "C0DE" }),
    );
    expect(outbox.items()).toEqual([]);
    session.dispose();
  });

  it("gives a refused judgment back to the counts", async () => {
    const server = fakeServer();
    const outbox = new Outbox({
      key: "k",
      storage: null,
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: "ALREADY_JUDGED", message: "You already judged this pair." } }), {
          status: 409,
        }),
    });
    const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: null, openPairs: 3, ...server });
    session.start();
    await tick();
    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 5 });
    await outbox.waitFor((items) => items.length === 0);
    expect(session.getState()).toMatchObject({ judged: 0, remaining: 3 });
    session.dispose();
  });
});

describe("LabelingSession: skip, undo, held pairs", () => {
  it("undoes a judgment still in the outbox by removing it, and shows its pair again before the one that was next", async () => {
    const server = fakeServer();
    const outbox = offlineOutbox();
    const session = new LabelingSession({
      projectSlug: "p",
      outbox,
      quotaLeft: null,
      openPairs: 10,
      judged: 4,
      ...server,
    });
    session.start();
    await tick();
    expect(session.getState()).toMatchObject({ judged: 4, canUndo: false });
    const first = shownTask(session) as PairTask;
    session.decide(first, { choice: "A", durationMs: 100 });
    expect(session.getState()).toMatchObject({ judged: 5, remaining: 9, canUndo: true });
    await tick(); // The first attempt failed: the judgment waits in the outbox for its retry.

    session.undo();
    expect(shownTask(session)).toBe(first);
    expect(outbox.items()).toEqual([]);
    expect(session.getState()).toMatchObject({ judged: 4, remaining: 10, canUndo: false });

    session.decide(first, { choice: "B", durationMs: 50 });
    expect(shownTask(session)).toEqual(pair(2));
    expect(outbox.items()).toEqual([
      expect.objectContaining({ assignmentId: "lease-1", body: expect.objectContaining({ choice: "B" }) }),
    ]);
    outbox.stop();
    session.dispose();
  });

  it("undoes a judgment the server has by sending an undo with its client id, after it", async () => {
    const server = fakeServer();
    const sent: { url: string; body: Record<string, unknown> }[] = [];
    const outbox = new Outbox({
      key: "k",
      storage: null,
      fetch: async (url, init) => {
        sent.push({ url: String(url), body: JSON.parse(String(init?.body)) });
        return new Response("{}", { status: 200 });
      },
    });
    const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: null, openPairs: 10, ...server });
    session.start();
    await tick();
    const first = shownTask(session) as PairTask;
    session.decide(first, { choice: "A", durationMs: 100 });
    await outbox.waitFor((items) => items.length === 0);
    session.undo();
    await outbox.waitFor((items) => items.length === 0);
    expect(sent.map((s) => s.url)).toEqual(["/api/projects/p/judgments", "/api/projects/p/judgments/undo"]);
    expect(sent[1]?.body).toEqual({ clientId: sent[0]?.body.clientId });
    expect(shownTask(session)).toBe(first);
    session.dispose();
  });

  it("skips through the outbox, excludes the skipped lease until it is delivered, and offers no undo after a skip", async () => {
    const server = fakeServer();
    const outbox = offlineOutbox();
    const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: null, openPairs: 10, ...server });
    session.start();
    await tick();
    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 100 });
    session.skip(shownTask(session) as PairTask, "  too long ");
    expect(session.getState()).toMatchObject({ remaining: 8, canUndo: false });
    expect(outbox.items()[1]).toMatchObject({
      kind: "skip",
      url: "/api/projects/p/skips",
      assignmentId: "lease-2",
      body: { assignmentId: "lease-2", reason: "too long" },
    });
    await vi.waitFor(() => expect(shownTask(session)).toMatchObject({ assignmentId: "lease-3" }));
    await tick();
    expect(server.excluded.at(-1)).toEqual(expect.arrayContaining(["lease-1", "lease-2"]));
    outbox.stop();
    session.dispose();
  });

  it("asks again by itself when the remaining pairs were held by others", async () => {
    let held = true;
    const server = fakeServer(() => (held ? { kind: "done", reason: "held" } : null));
    const sleeps: number[] = [];
    let wake = () => {};
    const sleep = (ms: number) => {
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        wake = resolve;
      });
    };
    const outbox = offlineOutbox();
    const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: null, openPairs: 1, sleep, ...server });
    session.start();
    await tick();
    expect(shownTask(session)).toEqual({ kind: "done", reason: "held" });
    expect(sleeps).toEqual([60_000]);
    held = false;
    wake();
    await vi.waitFor(() => expect(shownTask(session)).toMatchObject({ kind: "pair", assignmentId: "lease-1" }));
    outbox.stop();
    session.dispose();
  });

  it("never shows again a lease it answered that the server handed back, and asks again once it is delivered", async () => {
    // The server reads only the first 50 excluded leases: with a long outbox it may resume one
    // the labeler already answered. Here the third request gets lease 1 back.
    const replies = [pair(1), pair(2), pair(1), pair(3)];
    const excluded: string[][] = [];
    const nextTask = vi.fn(async (_slug: string, exclude: readonly string[]) => {
      excluded.push([...exclude]);
      return replies.shift() ?? { kind: "done" as const, reason: "empty" as const };
    });
    const { outbox, reconnect } = heldOutbox();
    // Something already waits in the outbox, so judgments do not carry the next task (see below).
    outbox.enqueue({ kind: "skip", clientId: "s0", url: "/api/projects/p/skips", assignmentId: "lease-0", body: {} });
    const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: null, openPairs: 10, nextTask });
    session.start();
    await tick();
    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 100 });
    expect(shownTask(session)).toEqual(pair(2));
    session.decide(shownTask(session) as PairTask, { choice: "B", durationMs: 100 });
    await tick();
    // Lease 1 came back while its judgment waits in the outbox: not shown, not asked again yet.
    expect(session.getState().view).toEqual({ kind: "loading" });
    expect(nextTask).toHaveBeenCalledTimes(3);
    reconnect();
    await vi.waitFor(() => expect(shownTask(session)).toEqual(pair(3)));
    expect(outbox.items()).toEqual([]);
    outbox.stop();
    session.dispose();
  });
});

/**
 * A server for the one-request loop: GET /next and the judgment's answer share one sequence of
 * pairs; a judgment that asks for `next` gets the following pair in its answer.
 */
function oneRequestServer() {
  let served = 0;
  const gets: string[][] = [];
  const posts: Record<string, unknown>[] = [];
  const nextTask = vi.fn(async (_slug: string, exclude: readonly string[]) => {
    gets.push([...exclude]);
    served += 1;
    return pair(served);
  });
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    posts.push(body);
    if (!body.next) return new Response(JSON.stringify({ judgmentId: "j" }), { status: 200 });
    served += 1;
    return new Response(JSON.stringify({ judgmentId: "j", next: pair(served) }), { status: 200 });
  });
  return { nextTask, fetch, gets, posts };
}

/** A session on `server`'s GET /next, once it shows the first pair and has the second loaded. */
async function startedOn(server: ReturnType<typeof oneRequestServer>, outbox: Outbox): Promise<LabelingSession> {
  const session = new LabelingSession({ projectSlug: "p", outbox, quotaLeft: null, openPairs: 10, ...server });
  session.start();
  await vi.waitFor(() => expect(server.gets).toHaveLength(2));
  return session;
}

describe("LabelingSession: one request per judgment", () => {
  it("takes the pair after next from the judgment's answer, so a judgment costs one request", async () => {
    const server = oneRequestServer();
    const outbox = new Outbox({ key: "k", storage: null, fetch: server.fetch });
    const session = await startedOn(server, outbox);
    for (let n = 1; n <= 5; n++) {
      session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 10 });
      expect(shownTask(session)).toEqual(pair(n + 1));
      await outbox.waitFor((items) => items.length === 0);
      await tick();
    }
    expect(server.gets).toHaveLength(2);
    expect(server.posts).toHaveLength(5);
    // Each judgment excluded the lease it answered and the prefetched one on its way to the screen.
    expect(server.posts[0]?.next).toEqual({ exclude: ["lease-1", "lease-2"] });
    expect(server.posts[4]?.next).toEqual({ exclude: ["lease-5", "lease-6"] });
    // The pair the last answer brought is what the next decision shows.
    session.decide(shownTask(session) as PairTask, { choice: "B", durationMs: 10 });
    expect(shownTask(session)).toEqual(pair(7));
    outbox.stop();
    session.dispose();
  });

  it("asks GET /next when the answer brings no task, and never shows a lease it holds", async () => {
    const server = oneRequestServer();
    // The answer hands back the pair on screen (as a server would resume a lease it was not told of).
    const fetch = vi.fn(async () => new Response(JSON.stringify({ judgmentId: "j", next: pair(2) }), { status: 200 }));
    const outbox = new Outbox({ key: "k", storage: null, fetch });
    const session = await startedOn(server, outbox);
    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 10 });
    expect(shownTask(session)).toEqual(pair(2));
    await vi.waitFor(() => expect(server.gets).toHaveLength(3));
    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 10 });
    expect(shownTask(session)).toEqual(pair(3));
    outbox.stop();
    session.dispose();
  });

  it("asks GET /next at once when the judgment cannot be delivered now, instead of waiting for its answer", async () => {
    const server = oneRequestServer();
    const outbox = offlineOutbox();
    const session = await startedOn(server, outbox);
    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 10 });
    expect(outbox.items()[0]?.body.next).toEqual({ exclude: ["lease-1", "lease-2"] });
    await vi.waitFor(() => expect(server.gets).toHaveLength(3));
    session.decide(shownTask(session) as PairTask, { choice: "A", durationMs: 10 });
    expect(shownTask(session)).toEqual(pair(3));
    // Behind a waiting item, a judgment does not ask for the next task at all.
    expect(outbox.items()[1]?.body.next).toBeUndefined();
    outbox.stop();
    session.dispose();
  });
});
