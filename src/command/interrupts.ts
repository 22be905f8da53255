/**
 * SIGINT and SIGTERM to the kit while it holds something it must undo (a params file rewritten for a run, a training
 * command's process group, which is detached and so does not get the terminal's Ctrl-C). A door builds the hook from
 * the real process; the core only registers cleanups, so tests and in-process runs need no signals at all.
 */

/** Registers `cleanup` until the returned function is called; on a signal it runs before the kit ends by that signal. */
export type OnInterrupt = (cleanup: (signal: NodeJS.Signals) => void) => () => void;

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * The hook for a real process: each cleanup runs synchronously on the signal, then the process is sent the same
 * signal again with the cleanup's listener gone, so it ends as it would have without the kit's listeners (and the
 * shell sees 130 or 143). Outside a registration the kit's response to a signal is unchanged.
 */
export function processInterrupts(target: NodeJS.Process): OnInterrupt {
  return (cleanup) => {
    const listener = (signal: NodeJS.Signals): void => {
      dispose();
      try {
        cleanup(signal);
      } finally {
        target.kill(target.pid, signal);
      }
    };
    const dispose = (): void => {
      for (const signal of SIGNALS) target.off(signal, listener);
    };
    for (const signal of SIGNALS) target.on(signal, listener);
    return dispose;
  };
}
