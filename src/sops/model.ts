/**
 * The in-memory model of a sops file, the same for all five stores (YAML, JSON, dotenv, INI, binary): the leaves
 * in sops' walk order with their key paths and source positions, plus the `sops` metadata. Parsers in
 * src/sops/stores/ produce it; the rules, the MAC verifier and the ciphertext filter consume it.
 * Reference: docs/sops-format.md §2 (stores), §4 (walk and paths), §5 (AAD and MAC).
 */

export type SopsStore = 'yaml' | 'json' | 'dotenv' | 'ini' | 'binary';

/** Scalar types as the store's parser typed them (yaml.v3 / encoding/json semantics, §2.3-2.4). */
export type LeafType = 'str' | 'int' | 'float' | 'bool' | 'time' | 'null';

export interface SopsLeaf {
  /** Map keys from the document root; list indices are not included (sops §4). */
  readonly path: readonly string[];
  /** Comments are tree items too (§2.3): judged with the path of the container that holds them. */
  readonly isComment: boolean;
  /** The value as text: for strings the string itself, for comments the text after `#`/`;`. */
  readonly text: string;
  readonly type: LeafType;
  /** Go `ToBytes` rendering of a plaintext value, fed to the MAC (§5 step 3). Absent for null. */
  readonly macText?: string;
  /** 0-based index of the document in a YAML stream (0 for other stores). */
  readonly document: number;
  /** Offsets of the value (or comment) in the file content, for positions and the ciphertext filter. */
  readonly start: number;
  readonly end: number;
  /**
   * For each nesting level, the comment texts immediately preceding this item (the comment stack, §4). As in sops'
   * walk, a comment leaf's stack already ends with the comment itself (its type is 'str', it has no macText).
   */
  readonly commentStack: readonly (readonly string[])[];
}

/** A master key recorded in the metadata, normalised across stores (flat lists and key_groups). */
export interface MasterKeyEntry {
  readonly type: 'age' | 'pgp' | 'kms' | 'gcp_kms' | 'azure_kv' | 'hc_vault' | 'hckms';
  /** The identifier sops compares in updatekeys: age recipient, pgp fp, kms arn, resource id, vault URL... */
  readonly id: string;
  /** The wrapped data key (armored age file, PGP message, base64 KMS blob). */
  readonly enc: string;
  /** Index of the key group (0 when the file has a single group). */
  readonly group: number;
}

export type SelectionSetting =
  'unencrypted_suffix' | 'encrypted_suffix' | 'unencrypted_regex' | 'encrypted_regex' | 'unencrypted_comment_regex' | 'encrypted_comment_regex';

/**
 * One scalar of a metadata block as the file holds it, for the validator (src/sops/metadata-schema.ts) and for the
 * engine, which trusts a value only when its field and form make it ciphertext or a recipient by definition.
 */
export interface MetadataLeaf {
  /** Field path inside the block: map keys and list indices (`['age', 0, 'enc']`); flattened keys are split (§2.8). */
  readonly path: readonly (string | number)[];
  /** The value as text (flattened stores: with `\n` turned into newlines, as sops reads it). */
  readonly text: string;
  readonly type: LeafType;
  /** Offsets of the value in the file content. */
  readonly start: number;
  readonly end: number;
}

export interface SopsMetadata {
  /** Every metadata field as the file holds it, nested (flattened dotenv/INI keys are rebuilt, §2.8). */
  readonly raw: Readonly<Record<string, unknown>>;
  /**
   * The scalars of every metadata block in the file (a YAML stream repeats the block in each document; sops reads
   * the first and drops the others), with their positions.
   */
  readonly leaves: readonly MetadataLeaf[];
  readonly mac?: string;
  readonly lastmodified?: string;
  readonly version?: string;
  readonly keys: readonly MasterKeyEntry[];
  readonly keyGroupCount: number;
  readonly shamirThreshold?: number;
  /** Every selection setting present (more than one is itself a finding). */
  readonly selection: ReadonlyArray<{ readonly setting: SelectionSetting; readonly value: string }>;
  readonly macOnlyEncrypted: boolean;
  /** 1-based line where the metadata starts, for positioning metadata findings. */
  readonly line: number;
}

export interface SopsFileModel {
  /** The store the content is written in, which the file is checked in. */
  readonly store: SopsStore;
  /**
   * The store sops picks from the file's name, when the content is a sops file of another store: written with
   * `--input-type` (sops YAML under a `.json` name), and decrypted with it.
   */
  readonly nameStore?: SopsStore;
  readonly leaves: readonly SopsLeaf[];
  /** Key paths of empty maps and lists (`stringData: {}`), which hold no leaf; absent in hand-built models. */
  readonly emptyContainers?: readonly (readonly string[])[];
  /** Absent when the file carries no sops metadata at all. */
  readonly metadata?: SopsMetadata;
}

/** A file that could not be parsed in its store: a finding about the repository's content, not a crash. */
export interface SopsParseFailure {
  readonly store: SopsStore;
  readonly error: string;
  readonly line?: number;
}
