/**
 * Without a baseline, findings are fingerprinted with the run's own random salt (RunContext), made on first use (a
 * clean commit never loads node:crypto for it). Within a run it must not change; between runs it must.
 */
import { describe, expect, it } from 'vitest';
import { createRunContext } from '../../src/engine/run-context.js';
import { fingerprintSecret } from '../../src/engine/run-rule.js';

describe('the run salt', () => {
  it('is one random value per run, the same wherever the run asks for it', () => {
    const run = createRunContext({});
    const first = run.salt();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(run.salt()).toBe(first);
    expect(fingerprintSecret(run.salt(), 'rule', 'hunter2')).toBe(fingerprintSecret(first, 'rule', 'hunter2'));
    expect(fingerprintSecret('baseline-salt', 'rule', 'hunter2')).not.toBe(fingerprintSecret(first, 'rule', 'hunter2'));
  });

  it("differs from one run to the next, and is the caller's when given (a baseline's)", () => {
    expect(createRunContext({}).salt()).not.toBe(createRunContext({}).salt());
    expect(createRunContext({ salt: 'baseline-salt' }).salt()).toBe('baseline-salt');
  });
});
