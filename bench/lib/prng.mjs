/**
 * Seeded randomness for the synthetic repository: mulberry32, a 32-bit generator that is fast and good enough
 * for shaping text. Every file gets its own generator derived from (seed, file index), so any file can be
 * regenerated on its own (a later commit rewrites an earlier file without keeping it in memory).
 */

/** A generator of floats in [0, 1) with integer and choice helpers; same seed, same sequence. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  const chars = (alphabet, length) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  const bytes = (length) => {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
    return out;
  };
  return { next, int, pick, chance, chars, bytes };
}

/** Mixes a seed and a stream number into a new 32-bit seed (FNV-1a over both words), so streams do not overlap. */
export function deriveSeed(seed, stream) {
  let hash = 0x811c9dc5;
  for (const word of [seed >>> 0, stream >>> 0]) {
    for (let shift = 0; shift < 32; shift += 8) {
      hash ^= (word >>> shift) & 0xff;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash;
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const HEX = '0123456789abcdef';
