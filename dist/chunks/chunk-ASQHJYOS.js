import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// src/store/retry.ts
var DEFAULT_RETRY_SECONDS = 30;
var realClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random
};
var FIRST_PAUSE_MS = 200;
var MAX_PAUSE_MS = 5e3;
var RetriesExhausted = class extends Error {
  attempts;
  elapsedMs;
  /** The call was not retried because an earlier one had already spent its whole budget against the same server. */
  known;
  constructor(cause, attempts, elapsedMs, known) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "RetriesExhausted";
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
    this.known = known;
  }
  /** For messages: how long it tried ("retried for 30 s"); undefined when a single attempt was all it was allowed. */
  describeTries() {
    if (this.known) return "not retried again: an earlier request to it already failed after its retries";
    if (this.attempts <= 1) return void 0;
    return `retried for ${Math.round(this.elapsedMs / 1e3)} s`;
  }
};
function createRetrier(settings, clock = realClock) {
  const budgetMs = Math.max(0, settings.seconds) * 1e3;
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
            if (left <= 0 && number > 1) down = true;
            throw new RetriesExhausted(error, number, elapsed, down && number === 1);
          }
          const cap = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.min(number - 1, 20));
          await clock.sleep(Math.min(left, Math.round(clock.random() * cap)));
        }
      }
    }
  };
}

export {
  DEFAULT_RETRY_SECONDS,
  RetriesExhausted,
  createRetrier
};
