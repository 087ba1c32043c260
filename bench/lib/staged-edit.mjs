/**
 * The staged-commit case: ten tracked source files, spread over the repository, get a few lines appended and are
 * staged, as before a typical commit. The repository is reset afterwards (and on the next use if interrupted).
 */
import { appendFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.mjs';
import { PLANTED } from './planted.mjs';

const EDIT_COUNT = 10;
const APPENDIX = {
  ts: '\n// Retries once more before giving up (staged edit).\nexport const retryBudget = 3;\n',
  js: '\n// Retries once more before giving up (staged edit).\nexport const retryBudget = 3;\n',
  go: '\n// retryBudget bounds the retries (staged edit).\nvar retryBudget = 3\n',
  py: '\n# Retries once more before giving up (staged edit).\nRETRY_BUDGET = 3\n',
};

/** Stages the edits; returns the edited paths and their byte total (what the staged check reads). */
export function stageEdits(dir, tracked) {
  const planted = new Set(PLANTED.map((p) => p.path));
  const candidates = tracked.filter((p) => /\.(ts|js|go|py)$/.test(p) && !planted.has(p)).sort();
  if (candidates.length < EDIT_COUNT) throw new Error(`only ${candidates.length} source files to edit`);
  const step = candidates.length / EDIT_COUNT;
  const paths = Array.from({ length: EDIT_COUNT }, (_, i) => candidates[Math.floor(i * step)]);
  for (const path of paths) appendFileSync(join(dir, path), APPENDIX[path.split('.').pop()]);
  git(dir, ['add', '--', ...paths]);
  const bytes = paths.reduce((n, p) => n + statSync(join(dir, p)).size, 0);
  return { paths, bytes };
}

export function resetEdits(dir) {
  git(dir, ['reset', '-q', '--hard', 'HEAD']);
}
