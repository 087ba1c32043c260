/**
 * secretlint in-process. `@secretlint/core` is imported on the first file that needs it, so a commit of binary
 * files, deletions or files holding no rule's keyword (prefilter.ts) never loads it, a large part of a staged check.
 * Its profiler (`@secretlint/profiler`) is on unless told otherwise: secretlint's
 * own CLI turns it off (13.x, `--profile` turns it back on); as a library we must do the same, or every file adds
 * performance marks that are never cleared.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
import type { SecretlintSetup } from './config.js';

type LintSource = (typeof import('@secretlint/core'))['lintSource'];

let core: Promise<LintSource> | undefined;

function loadCore(): Promise<LintSource> {
  core ??= (async () => {
    const { lintSource } = await import('@secretlint/core');
    await disableProfiler();
    return lintSource;
  })();
  return core;
}

/** The profiler instance core uses: resolved from core's own location, so it is the same module. */
async function disableProfiler(): Promise<void> {
  try {
    const fromCore = createRequire(import.meta.resolve('@secretlint/core'));
    const profiler = (await import(pathToFileURL(fromCore.resolve('@secretlint/profiler')).href)) as {
      secretLintProfiler?: { setEnabled?(enabled: boolean): void };
    };
    profiler.secretLintProfiler?.setEnabled?.(false);
  } catch {
    // An older profiler without setEnabled, or a layout we cannot see into: linting still works, only slower.
  }
}

export interface SecretlintInput {
  readonly path: string;
  readonly content: string;
  /** The detectors whose keywords occur in `content` (SourceFile.keywordOwners(), src/engine/keyword-owners.ts), computed once per file. */
  readonly present?: ReadonlySet<string>;
  readonly setup: SecretlintSetup;
}

/**
 * Messages with their data masked by secretlint (`maskSecrets`); ranges are offsets into `content`. A file in
 * which no rule's keyword occurs is not handed to secretlint at all, and a commit of such files never loads it.
 */
export async function secretlintMessages({ path, content, present, setup }: SecretlintInput): Promise<SecretLintCoreResultMessage[]> {
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot) : '';
  const config = await setup.configFor(content, ext, present);
  if (!config) return [];
  const lintSource = await loadCore();
  const result = await lintSource({
    source: { content, filePath: path, ext, contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages;
}
