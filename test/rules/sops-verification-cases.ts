/** Real age-encrypted corpus files and tampered copies of them, shared by the two verification rules' tests. */
import { formatEnc, sealParts } from '../../src/sops/crypto/aes-gcm.js';
import { bumpLastmodified, encOf, replaceEnc, swapValues } from '../sops/tamper.js';
import { dataKeyOf, fixtureText, humphdIdentity } from '../sops/fixtures.js';

const DIR = 'humphd-sops-age/tests/data/';
export const AGE_FILES = ['secret.enc.yaml', 'secret.enc.json', 'secret.enc.env'].map((name) => DIR + name);

export const identity = (): string => humphdIdentity();
export const original = (path: string): string => fixtureText(path);

/** The first two top-level keys of each file, which both hold encrypted strings. */
const KEYS: Record<string, [string, string]> = {
  [DIR + 'secret.enc.yaml']: ['secret', 'string'],
  [DIR + 'secret.enc.json']: ['secret', 'string'],
  [DIR + 'secret.enc.env']: ['secret', 'another_secret'],
};

export interface Tampered {
  readonly name: string;
  readonly path: string;
  readonly content: string;
}

export function tamperedCopies(path: string): { swapped: Tampered; lastmodified: Tampered; reencrypted: Tampered; foreignMac: Tampered } {
  const content = original(path);
  const [a, b] = KEYS[path]!;
  // Re-encrypt `a` with the file's own data key under its own path, as a tool that knows the key but not the MAC would.
  const reencrypted = replaceEnc(content, a, formatEnc(sealParts(dataKeyOf(path), 'replaced value', `${a}:`, 'str')));
  const donor = AGE_FILES.find((p) => p !== path)!;
  return {
    swapped: { name: `${path}: ciphertexts of ${a} and ${b} swapped`, path, content: swapValues(content, a, b) },
    lastmodified: { name: `${path}: lastmodified changed`, path, content: bumpLastmodified(content) },
    reencrypted: { name: `${path}: ${a} re-encrypted with the right key, MAC not updated`, path, content: reencrypted },
    foreignMac: { name: `${path}: MAC copied from ${donor}`, path, content: replaceEnc(content, 'mac', encOf(original(donor), 'mac')) },
  };
}
