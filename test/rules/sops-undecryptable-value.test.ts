import { rule } from '../../rules/sops-undecryptable-value.js';
import { testRule } from '../helpers/rule-tester.js';
import { AGE_FILES, identity, original, tamperedCopies } from './sops-verification-cases.js';

const ID = [identity()];
/** Lines of the two swapped values in each file. */
const SWAPPED_LINES: Record<string, [number, number]> = { yaml: [1, 2], json: [2, 3], env: [1, 2] };
const linesOf = (path: string) => SWAPPED_LINES[path.split('.').pop()!]!;

testRule(rule, {
  valid: [
    ...AGE_FILES.map((path) => ({ name: `real age file: ${path}`, path, content: original(path), ageIdentities: ID })),
    // MAC-only damage is the other rule's finding.
    ...AGE_FILES.flatMap((path) => {
      const t = tamperedCopies(path);
      return [t.lastmodified, t.reencrypted, t.foreignMac].map((c) => ({ ...c, ageIdentities: ID }));
    }),
    ...AGE_FILES.map((path) => ({ name: `no identity: ${path}`, path, content: tamperedCopies(path).swapped.content })),
  ],
  invalid: AGE_FILES.map((path) => {
    const t = tamperedCopies(path).swapped;
    const [first, second] = t.name.match(/of (\S+) and (\S+) swapped/)!.slice(1) as [string, string];
    return {
      ...t,
      ageIdentities: ID,
      errors: [
        {
          line: linesOf(path)[0],
          message: `the value at ${first} fails authentication under its path (moved or copied from another key or file, or altered). sops cannot decrypt`,
        },
        { line: linesOf(path)[1], message: `the value at ${second} fails authentication under its path` },
      ],
    };
  }),
});
