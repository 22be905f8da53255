#!/usr/bin/env node
import { processInterrupts } from "../command/interrupts.ts";
import { main } from "./main.ts";

// The only place that touches the real process: everything below takes its streams, env and cwd as arguments.
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  color: process.stderr.isTTY === true && process.env.NO_COLOR === undefined,
  onInterrupt: processInterrupts(process),
});
