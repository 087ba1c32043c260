/**
 * What a report masks in repository text. A random token must be masked however its letters happen to fall (a
 * property test found one with long runs of one case and slashes between); names written in words stay readable.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeCredential } from '../../src/util/credential-shape.js';

describe('looksLikeCredential', () => {
  it('masks random letters whose cases fall in runs', () => {
    expect(looksLikeCredential('data.s/NAXgf/VwUTLCMHAOzHKBmjdfousjqQ.enabled')).toBe(true);
    expect(looksLikeCredential('sNAXgfVwUTLCMHAOzHKBmjdfousjqQ')).toBe(true);
  });

  it('masks random hex even when its digits repeat more than usual', () => {
    expect(looksLikeCredential('2f0608099cff2f201fcd202bf22fdf6c')).toBe(true);
  });

  it('leaves names in camelCase and PascalCase readable', () => {
    for (const name of [
      'clientCertificateAuthorityData',
      'insecureSkipTLSVerifyBackendWebhookConfiguration',
      'AuthorizationPolicyBindingsManagerController',
      'serviceAccountTokenVolumeProjection',
    ]) {
      expect(looksLikeCredential(name), name).toBe(false);
    }
  });
});
