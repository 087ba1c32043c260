/**
 * Files every synthetic repository has whatever its size: root files (commit 0), a few real sops-encrypted files
 * copied from the project's own test fixtures (commit 20; skipped when the fixtures are absent, never read from
 * outside the project), and the planted secrets (commits 30 to 90, inside any 100-commit range).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLANTED } from './planted.mjs';
import { createRandom, deriveSeed } from './prng.mjs';

/** Fixture paths relative to test/fixtures/sops/ (see ORIGIN.md there for their origin). */
const SOPS_FIXTURES = [
  'humphd-sops-age/tests/data/secret.enc.yaml',
  'humphd-sops-age/tests/data/secret.enc.json',
  'humphd-sops-age/tests/data/secret.enc.env',
  'getsops-sops/functional-tests/res/format.enc.yaml',
  'getsops-sops/functional-tests/res/format.enc.json',
  'getsops-sops/functional-tests/res/format.enc.ini',
  'getsops-sops/functional-tests/res/format.enc.env',
];
const SOPS_COMMIT = 20;
const PLANTED_FIRST_COMMIT = 30;
const PLANTED_STEP = 15;

/** The published test recipient of humphd/sops-age (test/fixtures/sops/humphd-sops-age/key.txt). */
const SOPS_YAML = `creation_rules:
  - path_regex: deploy/secrets/.*\\.enc\\.(yaml|json|env|ini)$
    age: age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr
`;

const ROOT_FILES = [
  { path: 'README.md', text: '# acme platform\n\nServices, web apps, infrastructure and deployment manifests.\n' },
  { path: '.gitignore', text: 'node_modules/\ndist/\n*.log\n.terraform/\n' },
  { path: 'package.json', text: JSON.stringify({ name: 'acme-platform', private: true, workspaces: ['services/*', 'web/*'] }, null, 2) + '\n' },
  { path: '.sops.yaml', text: SOPS_YAML },
];

/** The sops fixtures that exist in this checkout, with their bytes. */
export function sopsFixtures(projectRoot) {
  const base = join(projectRoot, 'test/fixtures/sops');
  return SOPS_FIXTURES.filter((rel) => existsSync(join(base, rel))).map((rel) => {
    const [sourceDir] = rel.split('/');
    return { path: `deploy/secrets/${sourceDir}/${rel.split('/').pop()}`, bytes: readFileSync(join(base, rel)) };
  });
}

/** Short hash of the fixtures, part of the cache key: other fixtures, other repository. */
export function fixturesDigest(fixtures) {
  const hash = createHash('sha256');
  for (const f of fixtures) hash.update(f.path).update('\0').update(f.bytes).update('\0');
  return fixtures.length === 0 ? 'nosops' : hash.digest('hex').slice(0, 8);
}

/** Every fixed file as { path, commit, bytes, planted? }. */
export function fixedFiles(seed, fixtures) {
  const files = ROOT_FILES.map((f) => ({ path: f.path, commit: 0, bytes: Buffer.from(f.text) }));
  for (const f of fixtures) files.push({ path: f.path, commit: SOPS_COMMIT, bytes: f.bytes });
  PLANTED.forEach((p, i) => {
    const random = createRandom(deriveSeed(seed, 0x5ec0000 + i));
    files.push({ path: p.path, commit: PLANTED_FIRST_COMMIT + PLANTED_STEP * i, bytes: Buffer.from(p.content(random)), planted: p.kinds });
  });
  return files;
}
