/**
 * A ref may name a blob directly (a lightweight tag), or through annotated tags, even a tag of a tag: the blob is in
 * the repository with no commit that brings it. pre-receive reads it as a file named after the ref.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fake } from '../helpers/fake-tokens.js';
import { bareServer, commitFiles, devClone } from '../helpers/git-history.js';
import type { TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));
const track = (r: TestRepo) => (repos.push(r), r);

/** A server holding one clean commit, and a work repository with a blob (not in any commit) holding a token. */
function serverAndLooseBlob(): { server: TestRepo; dev: TestRepo; blob: string } {
  const server = track(bareServer());
  const dev = track(devClone(server));
  commitFiles(dev, 'base', { 'README.md': '# app\n' });
  expect(dev.tryGit('push', '-q', 'origin', 'main').status).toBe(0);
  dev.write('loose.txt', `registry: ${fake.github(61)}\n`);
  const blob = dev.git('hash-object', '-w', 'loose.txt').trim();
  return { server, dev, blob };
}

function expectRejected(dev: TestRepo, ref: string): void {
  const push = dev.tryGit('push', 'origin', ref);
  expect(push.status).not.toBe(0);
  expect(push.stderr).toContain(`remote: ${ref}`);
  expect(push.stderr).toMatch(/secretlint\/github/);
}

describe('pre-receive and a ref to a blob', () => {
  it('reads a blob named by a lightweight tag', () => {
    const { dev, server, blob } = serverAndLooseBlob();
    dev.git('tag', 'blob-tag', blob);
    expectRejected(dev, 'refs/tags/blob-tag');
    expect(server.tryGit('rev-parse', '--verify', '-q', 'refs/tags/blob-tag').status).not.toBe(0);
  });

  it('reads a blob named by an annotated tag', () => {
    const { dev, blob } = serverAndLooseBlob();
    dev.git('tag', '-a', '-m', 'a blob', 'annotated', blob);
    expectRejected(dev, 'refs/tags/annotated');
  });

  it('reads a blob named by a tag of a tag', () => {
    const { dev, blob } = serverAndLooseBlob();
    dev.git('tag', '-a', '-m', 'inner', 'inner', blob);
    const inner = dev.git('rev-parse', 'refs/tags/inner').trim();
    dev.git('tag', '-a', '-m', 'outer', 'outer', inner);
    expect(dev.git('cat-file', '-p', 'refs/tags/outer')).toMatch(/^type tag$/m);
    dev.git('tag', '-d', 'inner');
    expectRejected(dev, 'refs/tags/outer');
  });

  it('reads a blob pushed by its id to a ref outside refs/tags', () => {
    const { dev, blob } = serverAndLooseBlob();
    const push = dev.tryGit('push', 'origin', `${blob}:refs/keep/blob`);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toMatch(/remote: refs\/keep\/blob[\s\S]*secretlint\/github/);
  });
});
