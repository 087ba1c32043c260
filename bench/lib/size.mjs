/** Sizes on the command line: decimal units (10MB = 10,000,000 bytes) as in `--size 10MB`, binary ones too. */
const UNITS = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i.exec(String(text).trim());
  if (!match) throw new Error(`bad size "${text}" (expected e.g. 200KB, 10MB, 1GB)`);
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]);
}

export function formatSize(bytes) {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${bytes} B`;
}
