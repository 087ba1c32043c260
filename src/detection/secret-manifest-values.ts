/**
 * Which values of a plaintext Kubernetes Secret are credentials (kubernetes-secret). A Secret also carries
 * settings that are no secret (`hostname`, `port`, `username: admin`, a volume handle, a label-like
 * `application: kustomize-sops`): a value is reported when its key names a credential and the value is shaped like
 * one (the test generic-credential applies), when it is random-looking under any key, when it is a private key or a
 * registry's credentials, or when it is a file that assigns a credential. `data` values are judged decoded.
 */
import { credentialAssignments } from './credential-assignments.js';
import { credentialKind } from './credential-names.js';
import { looksLikeCredential } from './value-shape.js';

/** Keys whose value is credentials by definition: a registry's `auths`, a token of a ServiceAccount. */
const CREDENTIAL_KEYS = /^(?:\.dockerconfigjson|\.dockercfg|token)$/;
const PRIVATE_KEY = /-----BEGIN[A-Z ]{0,20} PRIVATE KEY-----/;
/** Hex groups joined by dashes (UUIDs, volume handles): identifiers, under a key that names no credential. */
const HEX_GROUPS = /^[0-9a-f]+(?:-[0-9a-f]+){3,}$/i;

/** A `data` value decoded: text, or undefined for binary (random bytes: a key). */
function decoded(value: string): string | undefined {
  const bytes = Buffer.from(value.replace(/\s+/g, ''), 'base64');
  const text = bytes.toString('utf8');
  return /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes('\ufffd') ? text : undefined;
}

export function isCredentialValue(key: string, raw: string, base64: boolean): boolean {
  const value = base64 ? decoded(raw) : raw;
  if (value === undefined) return Buffer.from(raw, 'base64').length >= 16;
  if (PRIVATE_KEY.test(value)) return true;
  if (CREDENTIAL_KEYS.test(key)) return looksLikeCredential(value.replace(/\s+/g, ''), 'token') || /"auths?"\s*:/.test(value);
  if (value.includes('\n') || /^\s*[{[]/.test(value)) return !credentialAssignments(value, true).next().done;
  const kind = credentialKind(key);
  if (kind) return looksLikeCredential(value, kind);
  return looksLikeCredential(value, 'token') && !HEX_GROUPS.test(value);
}
