/**
 * The credentials a text assigns as literals: an assignment (src/detection/assignments.ts) to a name that holds a
 * credential (credential-names.ts) of a value shaped like one (value-shape.ts). generic-credential reports them in
 * any file; kubernetes-secret looks for them in the files a Secret carries.
 */
import { assignmentsAround, type Assignment } from './assignments.js';
import { credentialKind, isKeyIdentifier } from './credential-names.js';
import { looksLikeCredential, type CredentialKind } from './value-shape.js';

/** The keyword a credential's name holds: the prefilter's keywords for generic-credential, minus the command names. */
const NAME_KEYWORD = /pass|pwd|secret|token|key|credential|auth/gi;

export interface CredentialAssignment extends Assignment {
  readonly kind: CredentialKind;
}

export function* credentialAssignments(text: string, unquotedAllowed: boolean): Generator<CredentialAssignment> {
  for (const a of assignmentsAround(text, NAME_KEYWORD, unquotedAllowed)) {
    const kind = credentialKind(a.name);
    if (kind && !assignsACredentialName(a) && looksLikeCredential(a.value, kind) && !isKeyIdentifier(a.name, a.value)) yield { ...a, kind };
  }
}

/** A name's start followed by an assignment operator, the whole of what an unquoted value can hold before it. */
const LEADING_ASSIGNMENT = /^([\w.-]+)(?::=|=>|=|:)/;

/**
 * `password= password=hunter2`: the first name was given nothing, and its "value" is the next assignment, which is
 * reported on its own. Counting it as well would report every name of a run of `password= ` (a hostile line of them
 * gave one finding per pair).
 */
function assignsACredentialName(a: Assignment): boolean {
  const name = a.quoted ? undefined : LEADING_ASSIGNMENT.exec(a.value)?.[1];
  return name !== undefined && credentialKind(name) !== undefined;
}
