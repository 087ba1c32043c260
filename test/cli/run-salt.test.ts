/**
 * Without a baseline, findings are fingerprinted with the run's own random salt, made on first use (a clean commit
 * never loads node:crypto for it). Within a process it must not change; between runs it must.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fingerprintSecret, RUN_SALT, runSalt } from '../../src/engine/run-rule.js';

describe('the run salt', () => {
  it('is one random value per process, used wherever the run salt is asked for', () => {
    const first = fingerprintSecret(RUN_SALT, 'rule', 'hunter2');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintSecret(RUN_SALT, 'rule', 'hunter2')).toBe(first);
    expect(fingerprintSecret(runSalt(), 'rule', 'hunter2')).toBe(first); // what worker threads are handed
    expect(runSalt()).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintSecret('baseline-salt', 'rule', 'hunter2')).not.toBe(first);
  });

  it('differs from one run to the next', () => {
    const built = new URL('../../dist/src/engine/run-rule.js', import.meta.url).href;
    const saltOfARun = () => execFileSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(built)}).then((m) => process.stdout.write(m.runSalt()))`], { encoding: 'utf8' });
    const [a, b] = [saltOfARun(), saltOfARun()];
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
  });
});
