/**
 * What a report masks in repository text. A random token must be masked however its letters happen to fall (a
 * property test found one with long runs of one case and slashes between); names written in words stay readable.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeCredential, maskCredentials } from '../../src/util/credential-shape.js';

describe('looksLikeCredential', () => {
  it('masks random letters whose cases fall in runs', () => {
    expect(looksLikeCredential('data.s/NAXgf/VwUTLCMHAOzHKBmjdfousjqQ.enabled')).toBe(true);
    expect(looksLikeCredential('sNAXgfVwUTLCMHAOzHKBmjdfousjqQ')).toBe(true);
  });

  it('masks letters-only base64 whose cases fall unevenly, by its plus signs or its want of vowels', () => {
    for (const token of ['TP+JI//EXGsyZHLWApaNOClg/UD+GCGT', 'dLzkv++HFWyyvkiikVAghajucAlovDVZ', 'FipvxDSjblgJPpLMgbHBWcfpqpvqjj']) {
      expect(looksLikeCredential(`data.${token}.enabled`), token).toBe(true);
    }
  });

  it('masks a random run whole when a token prefix occurs inside it', () => {
    expect(maskCredentials('data.NWVdoH2Q+eyJHkq0Zr3mLwT9xB1vCa8sDf.enabled')).toBe('data.NWVd****.enabled');
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
      'constructBoxTSStringKeyword',
      'RTCRtpScriptTransformer',
      'src/check/property/SkipAfterProperty',
    ]) {
      expect(looksLikeCredential(name), name).toBe(false);
    }
  });
});
