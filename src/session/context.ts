// Which lesson run a piece of running code belongs to. A lesson runs inside
// `lessonContext.run(owner, …)`, and Node carries that through every await, timer and
// callback it starts, so work a lesson left behind is still recognisable as its own after
// the next lesson has started (in `--all`): its requests and output are refused there.
import { AsyncLocalStorage } from "node:async_hooks";

export const lessonContext = new AsyncLocalStorage<symbol>();

/** True when the running code belongs to a lesson run other than `owner`. */
export const belongsElsewhere = (owner: symbol): boolean => {
  const running = lessonContext.getStore();
  return running !== undefined && running !== owner;
};
