import { rule } from '../../rules/sops-unencrypted-file.js';
import { corpusCases, corpusFile, GOVERNING_RULE } from '../helpers/sops-corpus.js';
import { dotenvMetadata, enc } from '../helpers/sops-samples.js';
import { testRule } from '../helpers/rule-tester.js';

const covered = { sopsRule: GOVERNING_RULE };

testRule(rule, {
  valid: [
    ...corpusCases().map((c) => ({ ...c, ...covered })),
    { name: 'not covered by any creation rule', path: 'secrets/plain.yaml', content: 'password: hunter2\n' },
    { name: 'the .sops.yaml itself', path: '.sops.yaml', content: corpusFile('getsops-sops/functional-tests/.sops.yaml'), ...covered },
    { name: 'nested .sops.yaml', path: 'k8s/.sops.yaml', content: 'creation_rules: []\n', ...covered },
    { name: '.env.enc written with --input-type dotenv', path: 'app/.env.enc', content: `A=${enc()}\n${dotenvMetadata()}`, ...covered },
  ],
  invalid: [
    { name: 'plaintext YAML', path: 'secrets/db.sops.yaml', content: 'password: hunter2\n', ...covered, errors: [{ line: 1, message: 'creation_rules[0] of .sops.yaml but has no sops metadata (yaml store)' }] },
    { name: 'decrypted corpus input', path: 'comments.yaml', content: corpusFile('getsops-sops/functional-tests/res/comments.yaml'), ...covered, errors: [{ message: 'no sops metadata' }] },
    { name: 'plaintext dotenv', path: 'prod.env', content: 'TOKEN=abc\n', ...covered, errors: [{ message: '(dotenv store)' }] },
    { name: 'plaintext binary', path: 'id_rsa.enc', content: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n', ...covered, errors: [{ message: '(binary store)' }] },
    { name: 'covered file that does not parse', path: 'broken.json', content: '{\n  "a": 1,\n  oops\n}\n', ...covered, errors: [{ line: 3, message: 'does not parse as json' }] },
    { name: 'sops metadata in a later YAML document only', path: 'multi.yaml', content: `a: 1\n---\nb: ${enc()}\nsops:\n  version: 3.9.0\n`, ...covered, errors: [{ message: 'no sops metadata' }] },
  ],
});
