/**
 * The forms of the values sops writes in a metadata block (docs/sops-format.md §2.2, §3, §6): wrapped data keys (armored
 * age files, armored PGP messages, KMS blobs), recipients and key ids, timestamps, flags. A value of a ciphertext or
 * recipient form has no room for anything else, which is what lets the engine skip it; the checks are strict
 * (line lengths, alphabets, the age header) for that reason.
 */
import { ageRecipientProblem, pgpFingerprintProblem } from './config/recipient-format.js';
import { isStandardBase64, isWellFormedEnc } from './enc.js';
import { parseRfc3339 } from './go-format.js';

export type Test = (text: string) => boolean;

/**
 * The lines of an armored block: one trailing line break allowed, CRLF tolerated (a dotenv file checked out with CRLF
 * keeps a CR after the escaped `\n` that ends the value).
 */
function armorLines(text: string, label: string): string[] | undefined {
  const lines = text.replace(/\r?\n\r?$/, '').split(/\r?\n/);
  return lines.length >= 3 && lines[0] === `-----BEGIN ${label}-----` && lines[lines.length - 1] === `-----END ${label}-----` ? lines.slice(1, -1) : undefined;
}

const AGE_HEADER = 'age-encryption.org/v1\n';

/** age's armor (FiloSottile/age armor): padded base64 in lines of 64, of a binary age file. */
export const isAgeArmor: Test = (text) => {
  const body = armorLines(text, 'AGE ENCRYPTED FILE');
  if (!body || body.length === 0) return false;
  if (body.some((line, i) => line.length > 64 || (i < body.length - 1 && line.length !== 64))) return false;
  const joined = body.join('');
  return isStandardBase64(joined) && Buffer.from(joined, 'base64').subarray(0, AGE_HEADER.length).toString('latin1') === AGE_HEADER;
};

const PGP_HEADER = /^(?:Version|Comment|Hash|Charset): [ -~]{1,80}$/;
/** A header may name a program, never hold a token-like run (which the engine would then skip). */
const TOKEN_RUN = /[A-Za-z0-9+/_=-]{16}/;
const PGP_BODY_LINE = /^[A-Za-z0-9+/]{1,76}={0,2}$/;
const PGP_CHECKSUM = /^=[A-Za-z0-9+/]{4}$/;

/** An OpenPGP ASCII-armored message (RFC 4880 §6.2): headers, a blank line, base64 lines, an optional CRC. */
export const isPgpArmor: Test = (text) => {
  const lines = armorLines(text, 'PGP MESSAGE');
  if (!lines) return false;
  const blank = lines.indexOf('');
  if (blank === -1 || !lines.slice(0, blank).every((h) => PGP_HEADER.test(h) && !TOKEN_RUN.test(h))) return false;
  const body = lines.slice(blank + 1);
  if (body.length > 0 && PGP_CHECKSUM.test(body[body.length - 1]!)) body.pop();
  return body.length > 0 && body.every((line) => PGP_BODY_LINE.test(line));
};

/** A KMS-wrapped data key: base64 (standard or URL alphabet), or Vault transit's `vault:v1:<base64>`. */
export const isKmsBlob: Test = (text) => /^(?:vault:v\d{1,4}:)?[A-Za-z0-9+/_-]{16,}={0,2}$/.test(text);

export const isAgeRecipient: Test = (text) => ageRecipientProblem(text) === undefined;
/** An SSH recipient with a comment after its key is still valid, but the comment is text the detectors must see. */
export const isBareAgeRecipient: Test = (text) => isAgeRecipient(text) && text.trim().split(/\s+/).length <= 2;
export const isPgpFingerprint: Test = (text) => pgpFingerprintProblem(text) === undefined;

export const isKmsArn: Test = (text) => /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key|alias)\/[\w/+=.@-]+$/.test(text);
export const isRoleArn: Test = (text) => /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(text);
export const isGcpKeyId: Test = (text) => /^projects\/[^/\s]+\/locations\/[^/\s]+\/keyRings\/[^/\s]+\/cryptoKeys\/[^/\s]+$/.test(text);
export const isHckmsKeyId: Test = (text) => /^[a-z0-9-]+:[0-9a-fA-F-]{36}$/.test(text);
export const isHttpsOrigin: Test = (text) => /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?\/?$/.test(text);

export const isMac: Test = isWellFormedEnc;
export const isTimestamp: Test = (text) => parseRfc3339(text) !== undefined;
export const isSmallInteger: Test = (text) => /^\d{1,3}$/.test(text);
/** Go's strconv.ParseBool, which mapstructure's weak decoding applies to strings. */
export const isBoolWord: Test = (text) => ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text);
