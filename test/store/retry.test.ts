import { describe, expect, it } from "vitest";
import {
  createRetrier,
  FIRST_PAUSE_MS,
  MAX_PAUSE_MS,
  RetriesExhausted,
  type RetryClock,
} from "../../src/store/retry.ts";

/**
 * The retry loop on its own, with an injected clock: time moves only when the loop sleeps, so the pauses it chose and
 * the budget it kept are read off exactly, without waiting. (The loop against real servers that die and come back
 * is in test/registry/faults.test.ts.)
 */

function fakeClock(random = () => 1 - Number.EPSILON): RetryClock & { pauses: number[] } {
  let now = 1_000_000;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    sleep: (ms) => {
      pauses.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random,
  };
}

const transient = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
const isTransient = (error: unknown): boolean => error === transient;

describe("createRetrier", () => {
  it("retries a transient failure with pauses that double up to a cap, until it succeeds", async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await createRetrier({ seconds: 30 }, clock).run(
      () => (++calls < 8 ? Promise.reject(transient) : Promise.resolve("done")),
      isTransient,
    );
    expect(result).toBe("done");
    expect(calls).toBe(8);
    // random() just below 1: each pause is (just under) its cap: 200, 400, 800 ... up to 5 s.
    expect(clock.pauses).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(FIRST_PAUSE_MS).toBe(200);
    expect(MAX_PAUSE_MS).toBe(5000);
  });

  it("draws each pause at random below its cap (full jitter)", async () => {
    const draws = [0.5, 0.25, 0];
    const clock = fakeClock(() => draws.shift() ?? 0);
    let calls = 0;
    await createRetrier({ seconds: 30 }, clock).run(
      () => (++calls < 4 ? Promise.reject(transient) : Promise.resolve()),
      isTransient,
    );
    expect(clock.pauses).toEqual([100, 100, 0]);
  });

  it("gives up once its budget is spent, its last attempt at the budget's end, and says how long it tried", async () => {
    const clock = fakeClock();
    let calls = 0;
    const error = await createRetrier({ seconds: 30 }, clock)
      .run(() => {
        calls++;
        return Promise.reject(transient);
      }, isTransient)
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RetriesExhausted);
    const exhausted = error as RetriesExhausted;
    expect(exhausted.cause).toBe(transient);
    expect(exhausted.elapsedMs).toBe(30_000);
    expect(exhausted.attempts).toBe(calls);
    expect(exhausted.describeTries()).toBe("retried for 30 s");
    expect(clock.pauses.reduce((sum, ms) => sum + ms, 0)).toBe(30_000);
  });

  it("throws what retrying cannot fix at once, as it is", async () => {
    const clock = fakeClock();
    const refused = new Error("AccessDenied");
    let calls = 0;
    const error = await createRetrier({ seconds: 30 }, clock)
      .run(() => {
        calls++;
        return Promise.reject(refused);
      }, isTransient)
      .catch((thrown: unknown) => thrown);
    expect(error).toBe(refused);
    expect(calls).toBe(1);
    expect(clock.pauses).toEqual([]);
  });

  it("makes one attempt with a budget of 0, and at most maxAttempts within a budget", async () => {
    const once = fakeClock();
    const none = await createRetrier({ seconds: 0 }, once)
      .run(() => Promise.reject(transient), isTransient)
      .catch((thrown: unknown) => thrown as RetriesExhausted);
    expect([none.attempts, none.describeTries(), once.pauses]).toEqual([1, undefined, []]);

    const capped = fakeClock();
    const three = await createRetrier({ seconds: 30, maxAttempts: 3 }, capped)
      .run(() => Promise.reject(transient), isTransient)
      .catch((thrown: unknown) => thrown as RetriesExhausted);
    expect(three.attempts).toBe(3);
    expect(capped.pauses).toHaveLength(2);
  });

  it("after a call spent its whole budget, tries once per call until the server answers again", async () => {
    const clock = fakeClock();
    const retrier = createRetrier({ seconds: 10 }, clock);
    let up = false;
    let calls = 0;
    const request = (): Promise<string> => {
      calls++;
      return up ? Promise.resolve("ok") : Promise.reject(transient);
    };
    await expect(retrier.run(request, isTransient)).rejects.toBeInstanceOf(RetriesExhausted);

    calls = 0;
    const second = (await retrier.run(request, isTransient).catch((thrown: unknown) => thrown)) as RetriesExhausted;
    expect(calls).toBe(1);
    expect(second.known).toBe(true);
    expect(second.describeTries()).toBe("not retried again: an earlier request to it already failed after its retries");

    up = true;
    expect(await retrier.run(request, isTransient)).toBe("ok");
    // Back up: the next failure gets its full budget again.
    up = false;
    calls = 0;
    const third = (await retrier.run(request, isTransient).catch((thrown: unknown) => thrown)) as RetriesExhausted;
    expect(third.elapsedMs).toBe(10_000);
    expect(calls).toBeGreaterThan(3);
  });
});
