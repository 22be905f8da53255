import { PINNED } from "../pins.ts";
import { type Annotated, commentAfter } from "./model.ts";

/** A third-party action at its pinned commit, with the release it is as the comment after it (`# v6.0.2`). */
export function pinned(action: keyof typeof PINNED): Annotated<string> {
  const match = /^(\S+@[0-9a-f]{40}) # (v\d+(?:\.\d+)*)$/.exec(PINNED[action]);
  if (!match?.[1] || !match[2]) throw new Error(`PINNED.${action} is not "owner/repo@<sha> # vX.Y.Z"`);
  return commentAfter(match[1], match[2]);
}
