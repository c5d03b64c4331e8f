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
    // Requests hang until the "network" comes back, so delivery happens only when the test says so.
    let reconnect = () => {};
    const network = new Promise<void>((resolve) => {
      reconnect = resolve;
    });
    const outbox = new Outbox({
      key: "k",
      storage: null,
      fetch: async () => network.then(() => new Response("{}", { status: 200 })),
    });
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
