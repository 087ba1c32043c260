/** A real repository with two commits: a README, then `files` (the leaks a report test looks for). */
import { makeRepo, type TestRepo } from './git-repo.js';

export function repoWithLeakCommit(files: Record<string, string>): TestRepo {
  const repo = makeRepo();
  repo.write('README.md', '# app\n');
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'base');
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git('add', '.');
  repo.git('commit', '-q', '-m', 'leaks');
  return repo;
}
