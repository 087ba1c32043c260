/** The tool's real version, read once from its own package.json (SARIF and --version report it). */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** Built (dist/src/, dist/bundle/) this module sits two levels below the package; run from its sources (tests), one. */
const PACKAGE_JSON = new URL(import.meta.url.endsWith('.ts') ? '../package.json' : '../../package.json', import.meta.url);

export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  return cached;
}
