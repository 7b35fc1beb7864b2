// Deterministic ids and time. Fixtures are rebuilt from this fake, so the same seed and the
// same request sequence must give byte-identical responses: nothing here reads Math.random
// or the real clock.

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** Real ids are a prefix plus 24 alphanumerics, e.g. asst_OrjUNkXDcvGlpfugB5CRHHjs. */
const ID_BODY_LENGTH = 24;

export type Random = () => number;

/** FNV-1a over the seed's UTF-16 units: a stable 32-bit start state for the generator. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: tiny, fast and good enough for ids; returns floats in [0, 1). */
export function createRandom(seed: string): Random {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type IdPrefix = "asst" | "thread" | "msg" | "run" | "step" | "call";

export function createIdFactory(random: Random): (prefix: IdPrefix) => string {
  return (prefix) => {
    let body = "";
    for (let i = 0; i < ID_BODY_LENGTH; i++) body += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
    return `${prefix}_${body}`;
  };
}

/** A virtual clock in unix seconds that only moves when the fake does something. */
export interface VirtualClock {
  /** The current time, without advancing. */
  now(): number;
  /** Advances by 1–3 s (drawn from the seeded generator) and returns the new time. */
  tick(): number;
}

export function createClock(startTime: number, random: Random): VirtualClock {
  let current = startTime;
  return {
    now: () => current,
    tick: () => {
      current += 1 + Math.floor(random() * 3);
      return current;
    },
  };
}
