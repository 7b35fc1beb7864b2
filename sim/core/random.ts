// Deterministic ids. Fixtures are rebuilt from a simulator, so the same seed and the same
// request sequence must give the same ids: nothing here reads Math.random.

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

/** Ids like the real ones: `prefix_` and 24 characters drawn from the seeded generator. */
export function createIdFactory<Prefix extends string>(random: Random): (prefix: Prefix) => string {
  return (prefix) => {
    let body = "";
    for (let i = 0; i < ID_BODY_LENGTH; i++) body += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
    return `${prefix}_${body}`;
  };
}
