// Times sops verification of a generated YAML file with 1,000 encrypted values: parse + age unwrap + verify (the
// rules' path), and verify alone. Median of 20 runs. Run after `npm run build`: node bench/verify-bench.mjs
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Encrypter, armor, generateIdentity, identityToRecipient } from 'age-encryption';
import { formatEnc, sealParts, valueAad } from '../dist/src/sops/crypto/aes-gcm.js';
import { unwrapDataKey } from '../dist/src/sops/crypto/age-data-key.js';
import { MacAccumulator, macAad } from '../dist/src/sops/crypto/mac.js';
import { verifySopsFile } from '../dist/src/sops/crypto/verify.js';
import { parseSopsFile } from '../dist/src/sops/stores/index.js';

const VALUES = 1000;
const RUNS = 20;

async function generate() {
  const identity = await generateIdentity();
  const recipient = await identityToRecipient(identity);
  const dataKey = randomBytes(32);
  const mac = new MacAccumulator(false);
  const lines = [];
  for (let i = 0; i < VALUES; i++) {
    const key = `key${String(i).padStart(4, '0')}`;
    const value = randomBytes(12).toString('base64');
    lines.push(`${key}: ${formatEnc(sealParts(dataKey, value, valueAad([key]), 'str'))}`);
    mac.add(value);
  }
  const lastmodified = '2026-01-01T00:00:00Z';
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const wrapped = armor
    .encode(await encrypter.encrypt(dataKey))
    .trimEnd()
    .split('\n')
    .map((l) => `              ${l}`);
  lines.push('sops:', '    age:', `        - recipient: ${recipient}`, '          enc: |', ...wrapped);
  lines.push(`    lastmodified: "${lastmodified}"`, `    mac: ${formatEnc(sealParts(dataKey, mac.hex(), macAad(lastmodified), 'str'))}`);
  lines.push('    unencrypted_suffix: _unencrypted', '    version: 3.13.2');
  return { content: lines.join('\n') + '\n', identity };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { content, identity } = await generate();
const full = [];
const verifyOnly = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  // The parse is part of what is timed (parseSopsFile keeps nothing between calls).
  const model = parseSopsFile(`bench-${run}.enc.yaml`, content);
  const dataKey = await unwrapDataKey(model.metadata, [identity]);
  const t1 = performance.now();
  const result = verifySopsFile(model, dataKey);
  const t2 = performance.now();
  if (!result.ok) throw new Error(`bench file did not verify: ${JSON.stringify(result.problems)}`);
  full.push(t2 - t0);
  verifyOnly.push(t2 - t1);
}
console.log(`sops verification, ${VALUES} values, median of ${RUNS} runs:`);
console.log(`  parse + age unwrap + verify: ${median(full).toFixed(2)} ms`);
console.log(`  verify (AES-GCM + MAC) only: ${median(verifyOnly).toFixed(2)} ms`);
