/**
 * A commit's directories listed through the scan's long-lived `git cat-file --batch` instead of one `git ls-tree`
 * process per commit: on a range of 100 commits the spawns were 29 % of the main thread (each fork of a large
 * process costs it several milliseconds). A directory is asked for as `<commit>:<dir>`; git answers with the raw
 * tree object, `<mode> <name>\0<oid as bytes>` per entry.
 */
import type { BlobStream } from './blob-stream.js';
import { isFileMode, type BlobEntry } from './tree-entries.js';

const TREE_MODE = '40000';
/** A full object id: 40 hex digits (SHA-1) or 64 (SHA-256); its raw form in a tree is half as many bytes. */
const FULL_OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The files directly in each of `dirs` (`./` for the root, else `a/b/`) at `commit`, as `ls-tree` lists them; or
 * undefined when one of them cannot be listed this way (the commit is not a full object id, a directory is missing
 * at that commit or is not one): the caller then asks `ls-tree`, which says what the commit holds there.
 */
export async function listDirectories(stream: BlobStream, commit: string, dirs: Iterable<string>): Promise<BlobEntry[] | undefined> {
  if (!FULL_OID.test(commit)) return undefined;
  const asked = [...dirs];
  const trees = await Promise.all(asked.map((dir) => stream.readTree(dir === './' ? `${commit}^{tree}` : `${commit}:${dir.slice(0, -1)}`)));
  const listings = trees.map((tree, i) => tree && rawTreeFiles(tree, asked[i] === './' ? '' : asked[i]!, commit.length / 2));
  if (listings.some((files) => files === undefined)) return undefined;
  // ls-tree walks the tree depth first, in git's order; byte order of the full paths is the same order. Each path
  // is encoded once, not once per comparison.
  const keyed = listings.flatMap((files) => files!.map((entry) => ({ entry, bytes: Buffer.from(entry.path) })));
  return keyed.sort((a, b) => Buffer.compare(a.bytes, b.bytes)).map(({ entry }) => entry);
}

/**
 * The files of one raw tree object, their paths under `prefix`: not subtrees, submodules or symlinks. Modes are
 * given as ls-tree gives them (git canonicalises an old `100664` to `100644`). Undefined for a malformed object.
 */
export function rawTreeFiles(tree: Buffer, prefix: string, oidBytes: number): BlobEntry[] | undefined {
  const files: BlobEntry[] = [];
  for (let at = 0; at < tree.length;) {
    const space = tree.indexOf(0x20, at);
    const nul = space === -1 ? -1 : tree.indexOf(0, space + 1);
    if (nul === -1 || nul + 1 + oidBytes > tree.length) return undefined;
    const mode = canonicalMode(tree.toString('latin1', at, space));
    if (mode === undefined) return undefined;
    if (mode !== TREE_MODE && isFileMode(mode)) {
      files.push({ path: prefix + tree.toString('utf8', space + 1, nul), oid: tree.toString('hex', nul + 1, nul + 1 + oidBytes), mode });
    }
    at = nul + 1 + oidBytes;
  }
  return files;
}

function canonicalMode(written: string): string | undefined {
  if (!/^[0-7]{5,6}$/.test(written)) return undefined;
  const mode = parseInt(written, 8);
  // A regular file is 100755 when its owner may execute it, else 100644, whatever other bits an old git wrote.
  if ((mode & 0o170000) === 0o100000) return mode & 0o100 ? '100755' : '100644';
  return written;
}
