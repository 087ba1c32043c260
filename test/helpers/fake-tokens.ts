/**
 * Fake credentials in the formats the detectors know, built at run time so no token literal sits in the
 * repository. Deterministic (a seeded generator) so failures reproduce; obviously fake where the format allows.
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A seeded pseudo-random string over `alphabet` (mulberry32). */
export function randomChars(length: number, seed: number, alphabet = ALNUM): string {
  let state = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += alphabet[Math.floor(r * alphabet.length)];
  }
  return out;
}

export const fake = {
  github: (seed = 1) => 'ghp_' + randomChars(36, seed),
  awsAccessKeyId: (seed = 2) => 'AKIA' + randomChars(16, seed, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
  awsSecretAccessKey: (seed = 7) => randomChars(40, seed, ALNUM + '+/'),
  slackBot: (seed = 3) => ['xoxb', randomChars(12, seed, '0123456789'), randomChars(13, seed + 1, '0123456789'), randomChars(24, seed + 2)].join('-'),
  // oxlint-disable-next-line no-useless-concat -- split, so that no token prefix sits whole in the source
  stripe: (seed = 4) => 'sk_' + 'live_' + randomChars(24, seed),
  genericBase64: (seed = 5, length = 40) => randomChars(length, seed, ALNUM + '+/'),
  hex: (seed = 6, length = 40) => randomChars(length, seed, '0123456789abcdef'),
};
