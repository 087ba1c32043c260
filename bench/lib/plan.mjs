/**
 * The shape of a synthetic repository, decided before any content exists: which files, of what kind and size,
 * added in which of the 100 commits, and which are first committed shorter and completed later (so a range over
 * the history has modified files, not only added ones). Content is produced later, file by file, from the seed.
 */
import { createRandom, deriveSeed } from './prng.mjs';
import { kebab, snake } from './words.mjs';

export const HISTORY_COMMITS = 100;
/** Share of generated files committed first as a prefix and completed in a later commit. */
const REWRITE_SHARE = 0.15;

/** kind → weight (share of files) and where such files live. */
const KINDS = [
  { kind: 'ts', weight: 20, place: (d, n) => `services/${d}/src/${n}.ts` },
  { kind: 'js', weight: 10, place: (d, n) => `web/${d}/src/${n}.js` },
  { kind: 'py', weight: 15, place: (d, n) => `python/${d}/${n}.py` },
  { kind: 'go', weight: 15, place: (d, n) => `go/${d}/${n}.go` },
  { kind: 'yaml', weight: 6, place: (d, n) => `config/${d}/${n}.yaml` },
  { kind: 'json', weight: 6, place: (d, n) => `config/${d}/${n}.json` },
  { kind: 'k8s', weight: 8, place: (d, n) => `deploy/k8s/${d}/${n}.yaml` },
  { kind: 'tf', weight: 7, place: (d, n) => `infra/terraform/${d}/${n}.tf` },
  { kind: 'md', weight: 8, place: (d, n) => `docs/${d}/${n}.md` },
];
const LOCKFILES = [
  { kind: 'package-lock', place: (d) => `services/${d}/package-lock.json` },
  { kind: 'yarn-lock', place: (d) => `web/${d}/yarn.lock` },
  { kind: 'go-sum', place: (d) => `go/${d}/go.sum` },
];
const TOTAL_WEIGHT = KINDS.reduce((n, k) => n + k.weight, 0);
/** One lockfile per this many generated files. */
const FILES_PER_LOCKFILE = 250;

/** Lognormal sizes (median ~4 KB, long tail) clamped to [200 B, largest]. */
function fileSize(random, largest) {
  const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return Math.max(200, Math.min(largest, Math.round(Math.exp(8.3 + 0.9 * z))));
}

/** The largest file does not grow with the repository: 10% of it, between 4 KB and 1 MiB. */
const largestFileBytes = (targetBytes) => Math.max(4096, Math.min(1024 * 1024, Math.round(targetBytes * 0.1)));

/**
 * @param {number} targetBytes total size of the files at HEAD (approximately: generators stop at a line end)
 * @param {number} seed
 * @param {number} reservedBytes bytes of fixed files (root files, planted secrets, sops fixtures) to leave room for
 */
export function planFiles(targetBytes, seed, reservedBytes) {
  const random = createRandom(deriveSeed(seed, 0xfeed));
  const largest = largestFileBytes(targetBytes);
  const dirCount = Math.max(2, Math.round(targetBytes / 6000 / 40));
  const dirs = Array.from({ length: dirCount }, (_, i) => `${kebab(random)}-${i}`);
  const taken = new Set();
  const unique = (path, index) => (taken.has(path) ? path.replace(/(\.[a-z]+)$/, `-${index}$1`) : path);
  const files = [];
  let planned = reservedBytes;
  // The largest file comes first: a root lockfile of exactly the size that bounds memory.
  files.push({ index: 0, kind: 'package-lock', path: 'package-lock.json', size: largest });
  taken.add('package-lock.json');
  planned += largest;
  while (planned < targetBytes) {
    const index = files.length;
    const dir = random.pick(dirs);
    let file;
    if (index % FILES_PER_LOCKFILE === 0) {
      const lock = LOCKFILES[(index / FILES_PER_LOCKFILE) % LOCKFILES.length];
      file = { index, kind: lock.kind, path: lock.place(dir), size: Math.min(largest, fileSize(random, largest) * 20) };
    } else {
      let roll = random.next() * TOTAL_WEIGHT;
      const chosen = KINDS.find((k) => (roll -= k.weight) < 0) ?? KINDS[0];
      file = { index, kind: chosen.kind, path: chosen.place(dir, snake(random, 2)), size: fileSize(random, largest) };
    }
    file.path = unique(file.path, index);
    if (taken.has(file.path)) continue;
    taken.add(file.path);
    files.push(file);
    planned += file.size;
  }
  assignCommits(files, random);
  return files;
}

/** Spreads files over commits 1..100 in order; some get a prefix first and their full text in a later commit. */
function assignCommits(files, random) {
  files.forEach((file, i) => {
    file.commit = 1 + Math.floor((i * HISTORY_COMMITS) / files.length);
    // JSON is never committed half-written: a truncated document would only test parse errors.
    const rewritable = file.commit < HISTORY_COMMITS && !file.path.endsWith('.json');
    if (rewritable && random.chance(REWRITE_SHARE)) file.completedIn = random.int(file.commit + 1, HISTORY_COMMITS);
  });
}
