/**
 * Test helper: writes real sops files from plaintext data and a data key, the way sops 3.13 encrypts them
 * (docs/sops-format.md §3-§6): each value AES-256-GCM-sealed with its path as AAD, the SHA-512 MAC sealed with
 * `lastmodified`, the data key age-wrapped for each recipient (or split with Shamir across key groups). YAML (also
 * multi-document), JSON, dotenv and INI; any selection setting; `mac_only_encrypted`; comments.
 *
 * Proven against sops itself: its output parses with the store parsers and verifies with the verifier, which in
 * turn verifies the real corpus files (test/sops/encoder.test.ts).
 *
 * Data: plain JS values. Integers are `int`, other numbers `float` (`float(2)` forces one), booleans `bool`.
 * Comments: a map key starting with `#` is a comment item whose value is its text (what follows `#`), and
 * `comment(text)` is a comment item in a list. `null` and `""` are never encrypted, as in sops.
 */
import { randomBytes } from 'node:crypto';
import { Encrypter, armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { formatEnc, sealParts, valueAad } from '../../src/sops/crypto/aes-gcm.js';
import { MacAccumulator, macAad } from '../../src/sops/crypto/mac.js';
import { splitSecret } from '../../src/sops/crypto/shamir.js';
import type { SelectionSetting, SopsLeaf } from '../../src/sops/model.js';
import { shouldBeEncrypted } from '../../src/sops/selection.js';
import { walkDocument } from '../../src/sops/stores/tree.js';
import { emitDotenv, emitIni, emitJson } from './sops-encoder/emit-flat.js';
import { emitYaml } from './sops-encoder/emit-yaml.js';
import { TreeBuilder, type PlainMap } from './sops-encoder/plain-tree.js';

export { comment, float, type PlainMap } from './sops-encoder/plain-tree.js';

export type EncoderStore = 'yaml' | 'json' | 'dotenv' | 'ini';
interface Selection {
  readonly setting: SelectionSetting;
  readonly value: string;
}

export interface EncodeSopsOptions {
  readonly store: EncoderStore;
  /** One document, or several for a YAML stream. */
  readonly data: PlainMap | readonly PlainMap[];
  /** Default: 32 random bytes. */
  readonly dataKey?: Uint8Array;
  /** age recipients of the single key group. Default: one fresh identity, returned in `identities`. */
  readonly recipients?: readonly string[];
  /** Several key groups of age recipients: the data key is split with Shamir, one share per group. */
  readonly keyGroups?: ReadonlyArray<readonly string[]>;
  /** Written when given; sops needs every group when it is absent. */
  readonly shamirThreshold?: number;
  /** The one selection setting; default `unencrypted_suffix: _unencrypted`, as sops writes it. */
  readonly selection?: Selection;
  readonly macOnlyEncrypted?: boolean;
  /** Default: now, as sops writes it (RFC 3339, UTC, no fraction). */
  readonly lastmodified?: string;
  readonly version?: string;
}

export interface EncodedSopsFile {
  readonly content: string;
  readonly dataKey: Uint8Array;
  /** Identities the encoder generated (when no recipients were given); they open the file. */
  readonly identities: readonly string[];
  /** Every plaintext the encoder encrypted (values and comments), for tests that check nothing leaks. */
  readonly encryptedPlaintexts: readonly string[];
  /** The plaintext leaves as the encoder walked them, with whether each was encrypted. */
  readonly leaves: ReadonlyArray<{ readonly path: readonly string[]; readonly isComment: boolean; readonly encrypted: boolean }>;
}

const DEFAULT_SELECTION: Selection = { setting: 'unencrypted_suffix', value: '_unencrypted' };
const TYPE_OF_COMMENT = 'comment';

async function wrapFor(recipient: string, payload: Uint8Array): Promise<string> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return armor.encode(await encrypter.encrypt(payload));
}

async function keyMetadata(options: EncodeSopsOptions, dataKey: Uint8Array): Promise<{ fields: Record<string, unknown>; identities: string[] }> {
  const identities: string[] = [];
  let groups = options.keyGroups ?? (options.recipients ? [options.recipients] : undefined);
  if (!groups) {
    const identity = await generateIdentity();
    identities.push(identity);
    groups = [[await identityToRecipient(identity)]];
  }
  const payloads = groups.length === 1 ? [dataKey] : splitSecret(dataKey, groups.length, options.shamirThreshold ?? groups.length);
  const ageLists = await Promise.all(
    groups.map((group, i) => Promise.all(group.map(async (recipient) => ({ enc: await wrapFor(recipient, payloads[i]!), recipient })))),
  );
  const fields: Record<string, unknown> = groups.length === 1 ? { age: ageLists[0] } : { key_groups: ageLists.map((age) => ({ age })) };
  if (options.shamirThreshold !== undefined) fields['shamir_threshold'] = options.shamirThreshold;
  return { fields, identities };
}

const nowRfc3339 = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export async function encodeSopsFile(options: EncodeSopsOptions): Promise<EncodedSopsFile> {
  const dataKey = options.dataKey ?? randomBytes(32);
  const documents = Array.isArray(options.data) ? (options.data as readonly PlainMap[]) : [options.data as PlainMap];
  if (documents.length !== 1 && options.store !== 'yaml') throw new Error('only YAML holds several documents');
  const selection = options.selection ?? DEFAULT_SELECTION;
  const macOnlyEncrypted = options.macOnlyEncrypted ?? false;
  const builder = new TreeBuilder(options.store === 'dotenv' || options.store === 'ini');
  const trees = documents.map((doc) => builder.map(doc));
  const leaves: SopsLeaf[] = trees.flatMap((tree, i) => walkDocument(tree, i));

  const rendered = new Map<number, string>();
  const encryptedPlaintexts: string[] = [];
  const walked: Array<{ path: readonly string[]; isComment: boolean; encrypted: boolean }> = [];
  const mac = new MacAccumulator(macOnlyEncrypted);
  for (const leaf of leaves) {
    const encrypted = shouldBeEncrypted(leaf, [selection]);
    walked.push({ path: leaf.path, isComment: leaf.isComment, encrypted });
    if (leaf.type === 'null' && !leaf.isComment) continue;
    const plaintext = leaf.isComment ? leaf.text : (leaf.macText ?? '');
    if (encrypted && plaintext !== '') {
      rendered.set(leaf.start, formatEnc(sealParts(dataKey, plaintext, valueAad(leaf.path), leaf.isComment ? TYPE_OF_COMMENT : leaf.type)));
      encryptedPlaintexts.push(plaintext);
    }
    if (!leaf.isComment && (encrypted || !macOnlyEncrypted)) mac.add(plaintext);
  }

  const lastmodified = options.lastmodified ?? nowRfc3339();
  const keys = await keyMetadata(options, dataKey);
  const metadata: Record<string, unknown> = {
    ...keys.fields,
    lastmodified,
    mac: formatEnc(sealParts(dataKey, mac.hex(), macAad(lastmodified), 'str')),
    [selection.setting]: selection.value,
    ...(macOnlyEncrypted ? { mac_only_encrypted: true } : {}),
    version: options.version ?? '3.13.2',
  };
  const sorted = Object.fromEntries(Object.entries(metadata).sort(([a], [b]) => (a < b ? -1 : 1)));
  const content = emit(options.store, trees, sorted, rendered, builder);
  return { content, dataKey, identities: keys.identities, encryptedPlaintexts, leaves: walked };
}

function emit(
  store: EncoderStore,
  trees: ReturnType<TreeBuilder['map']>[],
  metadata: Record<string, unknown>,
  rendered: Map<number, string>,
  builder: TreeBuilder,
): string {
  switch (store) {
    // The same builder, so the metadata's node ids never collide with the data's encrypted ones.
    case 'yaml':
      return emitYaml(trees, builder.map(metadata as PlainMap), rendered);
    case 'json':
      return emitJson(trees[0]!, metadata, rendered);
    case 'dotenv':
      return emitDotenv(trees[0]!, metadata, rendered);
    case 'ini':
      return emitIni(trees[0]!, metadata, rendered);
  }
}
