// A virtual timeline for timers. A timer on it fires as soon as the event loop reaches it
// (one setImmediate per timer, so microtasks and I/O still run between timers), in order of
// due virtual time, then creation. Virtual time jumps to each timer's due time as it fires.
// A timer can leave the timeline for a real one (`toReal`): when it is unref'd (housekeeping
// such as keep-alive sweeps should not spin on virtual time) and when the clock is removed.

import { AsyncResource } from "node:async_hooks";
import { EntryHeap } from "./timer-heap.ts";

/** What the timeline schedules with: the real functions, captured before anything is patched. */
export interface RealTimers {
  readonly setTimeout: typeof setTimeout;
  readonly clearTimeout: typeof clearTimeout;
  readonly setImmediate: typeof setImmediate;
}

export interface TimelineCounters {
  /** Virtual milliseconds advanced. */
  virtualMs: number;
  /** Timer callbacks (and interval ticks) fired on virtual time. */
  fastForwarded: number;
  /** Ref'd timers that waited in real time and fired: real sleeps. */
  realFired: number;
}

/** What `setTimeout` / `setInterval` asked for. */
export interface TimerSpec {
  readonly callback: (...args: unknown[]) => void;
  readonly args: unknown[];
  /** ms, already coerced as Node does (1 to 2^31 - 1). */
  readonly delay: number;
  readonly repeat: boolean;
}

/**
 * Where a timer is: on the virtual timeline, handed to a real timer, fired (a timeout that
 * `refresh()` may re-arm, as Node allows), or cleared for good.
 */
type TimerState = "virtual" | "real" | "fired" | "cleared";

/** A Timeout-compatible handle (ref, unref, hasRef, refresh, close, toPrimitive, dispose). */
export class VirtualTimeout {
  readonly #timeline: Timeline;
  readonly #id: number;
  state: TimerState = "virtual";
  /** Sequence number of this timer's live heap entry (entries with another are stale). */
  seq = -1;
  /** Virtual time it is due at, while virtual. */
  due = 0;
  /** The real timer that took over, while real. */
  real: NodeJS.Timeout | undefined;
  refed = true;
  /** Set by the timeline's `track` test when the timer was created (a lesson's own timer). */
  tracked = false;

  readonly callback: (...args: unknown[]) => void;
  readonly args: unknown[];
  readonly delay: number;
  readonly repeat: boolean;

  constructor(timeline: Timeline, id: number, spec: TimerSpec) {
    this.#timeline = timeline;
    this.#id = id;
    ({ args: this.args, delay: this.delay, repeat: this.repeat } = spec);
    // A real timer runs its callback in the async context that set it; so does a virtual one
    // (the session tells a lesson's own callbacks from left-over ones by that context).
    this.callback = AsyncResource.bind(spec.callback, "Timeout", this);
  }

  ref(): this {
    this.refed = true;
    this.real?.ref();
    return this;
  }
  unref(): this {
    this.refed = false;
    if (this.state === "real") this.real?.unref();
    if (this.state === "virtual") this.#timeline.toReal(this);
    return this;
  }
  hasRef(): boolean {
    return this.refed;
  }
  refresh(): this {
    this.#timeline.rearm(this);
    return this;
  }
  close(): this {
    this.#timeline.cancel(this);
    return this;
  }
  [Symbol.toPrimitive](): number {
    return this.#id;
  }
  [Symbol.dispose](): void {
    this.close();
  }
  /** Node's own clearTimeout (once restored) clears a timer it does not know by setting `_onTimeout` to null. */
  get _onTimeout(): ((...args: unknown[]) => void) | null {
    return this.state === "cleared" ? null : this.callback;
  }
  set _onTimeout(value: unknown) {
    if (value === null) this.close();
  }
}

export class Timeline {
  readonly counters: TimelineCounters = { virtualMs: 0, fastForwarded: 0, realFired: 0 };
  readonly #real: RealTimers;
  readonly #heap = new EntryHeap<VirtualTimeout>();
  /** Timers waiting to fire, by id, so `clearTimeout(Number(timer))` works as in Node. */
  readonly #byId = new Map<number, VirtualTimeout>();
  #seq = 0;
  #nextId = 2 ** 40;
  #now = 0;
  #drain: NodeJS.Immediate | undefined;
  #handedOff = false;
  readonly #track: () => boolean;

  /** `track` tells, as a timer is created, whether `pendingTracked` counts it. */
  constructor(real: RealTimers, track: () => boolean = () => false) {
    this.#real = real;
    this.#track = track;
  }

  /** Tracked timers still waiting on virtual time that keep the process busy (ref'd). */
  pendingTracked(): number {
    let count = 0;
    for (const timer of this.#byId.values()) if (timer.tracked && timer.refed && timer.state === "virtual") count++;
    return count;
  }

  create(spec: TimerSpec): VirtualTimeout {
    const timer = new VirtualTimeout(this, this.#nextId++, spec);
    timer.tracked = this.#track();
    this.#byId.set(Number(timer), timer);
    this.#enqueue(timer, spec.delay);
    return timer;
  }

  byId(id: number): VirtualTimeout | undefined {
    return this.#byId.get(id);
  }

  /** `refresh()`: the full delay again from now; a fired timeout is re-armed, a cleared one stays cleared. */
  rearm(timer: VirtualTimeout): void {
    if (timer.state === "cleared") return;
    if (timer.state === "real") return void timer.real?.refresh();
    this.#byId.set(Number(timer), timer);
    if (timer.refed) this.#enqueue(timer, timer.delay);
    else this.toReal(timer, timer.delay);
  }

  cancel(timer: VirtualTimeout): void {
    if (timer.state === "real" && timer.real) this.#real.clearTimeout(timer.real);
    timer.state = "cleared";
    timer.seq = -1;
    this.#byId.delete(Number(timer));
  }

  /** Moves a timer to a real one for what is left of its delay. */
  toReal(timer: VirtualTimeout, remaining = timer.state === "virtual" ? timer.due - this.#now : timer.delay): void {
    timer.seq = -1;
    timer.state = "real";
    timer.real = this.#real.setTimeout(() => this.#fireReal(timer), Math.max(1, remaining));
    if (!timer.refed) timer.real.unref();
  }

  /** Every timer still on virtual time goes on real time: the clock is being removed. */
  handOff(): void {
    this.#handedOff = true;
    for (const timer of this.#byId.values()) if (timer.state === "virtual") this.toReal(timer);
  }

  #enqueue(timer: VirtualTimeout, delay: number): void {
    if (this.#handedOff) {
      this.toReal(timer, delay);
      return;
    }
    timer.state = "virtual";
    timer.seq = this.#seq++;
    timer.due = this.#now + delay;
    this.#heap.push({ due: timer.due, seq: timer.seq, timer });
    this.#drain ??= this.#real.setImmediate(() => this.#step());
  }

  /** Fires the earliest virtual timer, then schedules the next step if any timer is left. */
  #step(): void {
    this.#drain = undefined;
    let entry = this.#heap.pop();
    while (entry && (entry.seq !== entry.timer.seq || entry.timer.state !== "virtual")) entry = this.#heap.pop();
    if (!entry) return;
    const { timer } = entry;
    this.#now = Math.max(this.#now, entry.due);
    this.counters.virtualMs = this.#now;
    this.counters.fastForwarded++;
    this.#settle(timer);
    try {
      timer.callback.apply(timer, timer.args);
    } finally {
      // An interval goes round again unless its callback cleared, refreshed or unref'd it.
      if (timer.repeat && timer.state === "fired") this.#enqueue(timer, timer.delay);
      if (this.#heap.size > 0) this.#drain ??= this.#real.setImmediate(() => this.#step());
    }
  }

  #fireReal(timer: VirtualTimeout): void {
    // An unref'd timer (housekeeping such as undici's timer wheel) never made anyone wait.
    if (timer.refed) this.counters.realFired++;
    this.#settle(timer);
    try {
      timer.callback.apply(timer, timer.args);
    } finally {
      if (timer.repeat && timer.state === "fired") this.toReal(timer, timer.delay);
    }
  }

  /** A timer that fires stops waiting: its id no longer clears it and its entry is spent. */
  #settle(timer: VirtualTimeout): void {
    timer.state = "fired";
    timer.seq = -1;
    if (!timer.repeat) this.#byId.delete(Number(timer));
  }
}
