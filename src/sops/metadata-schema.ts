/**
 * What a sops metadata block may hold: the fields sops writes (3.13's stores/stores.go `metadata`, docs/sops-format.md
 * §2.2, and 1.x's `attention` note), each master key type with its own fields, and the form of each value. sops' MAC does not cover the block,
 * so nothing in it is trusted by position: a value is skipped by the secret detectors only when its field makes it
 * ciphertext or a recipient by definition (`mac`, every `enc`, recipients, fingerprints, key ids) AND it has that
 * field's form. Anything else (an unknown field, a value not of its form, a comment) is text like any other.
 */
import type { MetadataLeaf } from './model.js';
import * as form from './metadata-forms.js';
import { KEY_TYPES, SELECTION_SETTINGS, type KeyType } from './stores/metadata.js';

interface Field {
  /** What a value of the field is, for messages; absent for free text (scanned like any other text). */
  readonly what?: string;
  /** What a value of another form does in sops, when that is worse than being text. */
  readonly consequence?: string;
  readonly valid?: form.Test;
  /** For ciphertext and recipients: when the detectors may skip the value (implies valid). */
  readonly trusted?: form.Test;
  /** A list or map of entries: as a scalar it may only be empty (sops ≤3.9 wrote `kms: []`, `"kms": null`). */
  readonly container?: true;
}

const FREE: Field = {};
const CONTAINER: Field = { container: true };
const TIMESTAMP: Field = { what: 'an RFC 3339 timestamp', consequence: 'sops refuses to load the file', valid: form.isTimestamp };
const trusted = (what: string, valid: form.Test, trust: form.Test = valid): Field => ({ what, valid, trusted: trust });
const fields = (entries: Record<string, Field>): ReadonlyMap<string, Field> => new Map(Object.entries(entries));

const KMS_BLOB = trusted('a KMS-wrapped data key (base64)', form.isKmsBlob);
const KEY_FIELDS: Readonly<Record<KeyType, ReadonlyMap<string, Field>>> = {
  age: fields({ recipient: trusted('an age recipient', form.isAgeRecipient, form.isBareAgeRecipient), enc: trusted('an armored age file', form.isAgeArmor) }),
  pgp: fields({ fp: trusted('a PGP fingerprint', form.isPgpFingerprint), created_at: TIMESTAMP, enc: trusted('an armored PGP message', form.isPgpArmor) }),
  kms: fields({
    arn: trusted('an AWS KMS key ARN', form.isKmsArn),
    role: trusted('an IAM role ARN', form.isRoleArn),
    context: CONTAINER,
    created_at: TIMESTAMP,
    enc: KMS_BLOB,
    aws_profile: FREE,
  }),
  gcp_kms: fields({ resource_id: trusted('a GCP KMS key resource id', form.isGcpKeyId), created_at: TIMESTAMP, enc: KMS_BLOB }),
  azure_kv: fields({ vault_url: trusted('a key vault URL', form.isHttpsOrigin), name: FREE, version: FREE, created_at: TIMESTAMP, enc: KMS_BLOB }),
  hc_vault: fields({ vault_address: trusted('a Vault address', form.isHttpsOrigin), engine_path: FREE, key_name: FREE, created_at: TIMESTAMP, enc: KMS_BLOB }),
  hckms: fields({ key_id: trusted('a HuaweiCloud KMS key id', form.isHckmsKeyId), created_at: TIMESTAMP, enc: KMS_BLOB }),
};

const TOP_FIELDS: ReadonlyMap<string, Field> = fields({
  lastmodified: TIMESTAMP,
  mac: trusted('an ENC value', form.isMac),
  version: FREE,
  // sops 1.x (Python) wrote a note here: "This section contains key material that should only be modified with…"
  attention: FREE,
  shamir_threshold: { what: 'an integer', consequence: 'sops refuses to load the file', valid: form.isSmallInteger },
  mac_only_encrypted: { what: 'true or false', consequence: 'sops refuses to load the file', valid: form.isBoolWord },
  key_groups: CONTAINER,
  ...Object.fromEntries(KEY_TYPES.map((type) => [type, CONTAINER])),
  ...Object.fromEntries(SELECTION_SETTINGS.map((setting) => [setting, FREE])),
});

const isKeyType = (name: string | number | undefined): name is KeyType => typeof name === 'string' && (KEY_TYPES as readonly string[]).includes(name);

/** `[index, field, ...]` below a key list of `type`. */
function keyEntryField(type: KeyType, rest: ReadonlyArray<string | number>): Field | undefined {
  if (rest.length === 0) return CONTAINER;
  const [index, name, ...more] = rest;
  if (typeof index !== 'number' || typeof name !== 'string') return undefined;
  // An encryption context is a map of free strings (kms `context: {k: v}`).
  if (type === 'kms' && name === 'context' && more.length === 1 && typeof more[0] === 'string') return FREE;
  return more.length === 0 ? KEY_FIELDS[type].get(name) : undefined;
}

function fieldAt(path: ReadonlyArray<string | number>): Field | undefined {
  const [head, ...rest] = path;
  if (head === 'key_groups' && rest.length > 0) {
    const [group, type, ...entry] = rest;
    if (typeof group !== 'number') return undefined;
    if (type === undefined) return CONTAINER;
    return isKeyType(type) ? keyEntryField(type, entry) : undefined;
  }
  if (isKeyType(head)) return keyEntryField(head, rest);
  return typeof head === 'string' && rest.length === 0 ? TOP_FIELDS.get(head) : undefined;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,23}$/;

/** `` `sops.age[0].enc` ``; a name that is not a short plain word is not shown (it could be the secret itself). */
export function fieldName(path: ReadonlyArray<string | number>): string {
  return '`sops' + path.map((p) => (typeof p === 'number' ? `[${p}]` : PLAIN_NAME.test(p) ? `.${p}` : '.…')).join('') + '`';
}

function notOfItsForm(path: ReadonlyArray<string | number>, field: Field): string {
  return `${fieldName(path)} is not ${field.what}: ${field.consequence ?? 'sops does not write that, and the guard reads it as text'}`;
}

interface MetadataProblem {
  readonly message: string;
  /** Offsets of the value the problem is about. */
  readonly start: number;
  readonly end: number;
}

export interface MetadataReview {
  /** Unknown fields and values not of their field's form. */
  readonly problems: readonly MetadataProblem[];
  /** Offsets of the values the secret detectors may skip: ciphertext and recipients of their field's form. */
  readonly trusted: ReadonlyArray<readonly [number, number]>;
  /** The block holds what only sops writes: a well-formed `mac`, or a wrapped data key of its type's form. */
  readonly claimsSops: boolean;
}

export function reviewMetadata(leaves: readonly MetadataLeaf[]): MetadataReview {
  const problems: MetadataProblem[] = [];
  const trustedSpans: Array<readonly [number, number]> = [];
  let claimsSops = false;
  for (const leaf of leaves) {
    const field = fieldAt(leaf.path);
    const at = { start: leaf.start, end: leaf.end };
    if (leaf.path.length === 0) {
      problems.push({ message: 'a `sops` entry that is not a mapping', ...at });
      continue;
    }
    if (!field) {
      problems.push({
        message: `${fieldName(leaf.path)} is not a field sops writes: sops ignores it and its MAC does not cover it, so it must not be there`,
        ...at,
      });
      continue;
    }
    if (leaf.type === 'null' || leaf.text === '') continue; // nothing to judge, nothing to hide
    if (field.container) problems.push({ message: `${fieldName(leaf.path)} must be a list or a mapping, not a single value`, ...at });
    else if (field.valid && !field.valid(leaf.text)) problems.push({ message: notOfItsForm(leaf.path, field), ...at });
    else if (field.trusted?.(leaf.text)) {
      trustedSpans.push([leaf.start, leaf.end]);
      const name = leaf.path[leaf.path.length - 1];
      claimsSops ||= name === 'mac' || name === 'enc';
    }
  }
  return { problems, trusted: trustedSpans, claimsSops };
}
