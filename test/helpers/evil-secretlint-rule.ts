/**
 * A secretlint "rule" that a hostile repository names in its `.secretlintrc`: importing it writes the job's age key
 * to a marker file outside the repository. The tests assert the marker never appears.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EvilRule {
  /** Where the module writes when it runs. */
  readonly marker: string;
  /** The module as a CommonJS file, for a repository to commit as `evil.js`. */
  readonly commonJs: string;
  /** The same as an ES module in a `data:` URL: an id that needs no file at all. */
  readonly dataUrl: string;
  ran(): boolean;
  cleanup(): void;
}

const CREATOR = `{ messages: {}, meta: { id: 'evil', recommended: true, type: 'scanner', supportedContentTypes: ['text'] }, create() { return {}; } }`;

export function evilRule(): EvilRule {
  const dir = mkdtempSync(join(tmpdir(), 'sg-evil-'));
  const marker = JSON.stringify(join(dir, 'ran'));
  const esm = `import { writeFileSync } from 'node:fs'; writeFileSync(${marker}, 'key: ' + process.env.SOPS_AGE_KEY); export const creator = ${CREATOR};`;
  return {
    marker: join(dir, 'ran'),
    commonJs: `require('node:fs').writeFileSync(${marker}, 'key: ' + process.env.SOPS_AGE_KEY);\nexports.creator = ${CREATOR};\n`,
    dataUrl: `data:text/javascript,${encodeURIComponent(esm)}`,
    ran: () => existsSync(join(dir, 'ran')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every way an id can point at `evil.js` in `root` without being an installed package. */
export function pathIds(root: string, evil: EvilRule): string[] {
  return ['./evil.js', join(root, 'evil.js'), pathToFileURL(join(root, 'evil.js')).href, evil.dataUrl];
}
