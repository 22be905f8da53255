/**
 * Retrying what may pass: a restarting server, throttling, a 5xx answer, a dropped connection. Each call retries with
 * exponential backoff and full jitter (a pause drawn between 0 and a cap that doubles after each failure, so many
 * clients that failed together do not come back together) until its time budget (`registry.retry_seconds`) is spent.
 * What cannot succeed by asking again (403, 404 meaning absent, 412) is never retried: the caller decides that.
 */

/** The default budget: a server restarting, or failing over, for up to half a minute does not fail a job. */
export const DEFAULT_RETRY_SECONDS = 30;

export interface RetrySettings {
  /** How long one call keeps retrying, from its first attempt; 0 makes a single attempt. */
  seconds: number;
  /** At most this many attempts per call, whatever the budget left (AWS_MAX_ATTEMPTS). */
  maxAttempts?: number | undefined;
}

/** Time, for the retry loop: real by default, injected by tests that must not wait. */
export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): the jitter. */
  random(): number;
}

export const realClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** The first pause's cap, doubled after each failure up to {@link MAX_PAUSE_MS}. */
export const FIRST_PAUSE_MS = 200;
export const MAX_PAUSE_MS = 5_000;

/** A call that failed in a way retrying might have fixed, and was given up on. `cause` is the last failure. */
export class RetriesExhausted extends Error {
  readonly attempts: number;
  readonly elapsedMs: number;
  /** The call was not retried because an earlier one had already spent its whole budget against the same server. */
  readonly known: boolean;

  constructor(cause: unknown, attempts: number, elapsedMs: number, known: boolean) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "RetriesExhausted";
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
    this.known = known;
  }

  /** For messages: how long it tried ("retried for 30 s"); undefined when a single attempt was all it was allowed. */
  describeTries(): string | undefined {
    if (this.known) return "not retried again: an earlier request to it already failed after its retries";
    if (this.attempts <= 1) return undefined;
    return `retried for ${Math.round(this.elapsedMs / 1000)} s`;
  }
}

export interface Retrier {
  /**
   * Runs `attempt` until it succeeds, fails with an error `isTransient` rejects (thrown as it is), or the budget is
   * spent (a {@link RetriesExhausted} carrying the last failure). `attempt` gets its 1-based number.
   */
  run<T>(attempt: (number: number) => Promise<T>, isTransient: (error: unknown) => boolean): Promise<T>;
}

/**
 * A retrier for one server. Once a call has spent its whole budget, the server is taken to be down: later calls make
 * one attempt each, not another full wait, until one succeeds (a job whose cache is down trains after one wait,
 * not one per request).
 */
export function createRetrier(settings: RetrySettings, clock: RetryClock = realClock): Retrier {
  const budgetMs = Math.max(0, settings.seconds) * 1000;
  const maxAttempts = settings.maxAttempts ?? Number.POSITIVE_INFINITY;
  let down = false;
  return {
    async run(attempt, isTransient) {
      const started = clock.now();
      for (let number = 1; ; number++) {
        try {
          const result = await attempt(number);
          down = false;
          return result;
        } catch (error) {
          if (!isTransient(error)) throw error;
          const elapsed = clock.now() - started;
          const left = budgetMs - elapsed;
          if (down || left <= 0 || number >= maxAttempts) {
            // A cap on attempts is a choice, not a sign the server is down; only a spent budget marks it so.
            if (left <= 0 && number > 1) down = true;
            throw new RetriesExhausted(error, number, elapsed, down && number === 1);
          }
          const cap = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.min(number - 1, 20));
          await clock.sleep(Math.min(left, Math.round(clock.random() * cap)));
        }
      }
    },
  };
}
