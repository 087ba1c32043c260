/**
 * Planted secrets: fake credentials at fixed paths, so every run of the benchmark has real findings and the
 * harness test can check that they are found. Values are fake (random from the seed, never a real account) but
 * have the exact shape scanners look for. The private key is a real P-256 key built with node:crypto from a
 * seeded scalar, so it is byte-identical for a seed. The harness never prints any of these values.
 */
import { createECDH, createPrivateKey } from 'node:crypto';
import { ALNUM, UPPER_DIGITS } from './prng.mjs';

const BASE64ISH = ALNUM + '+/';

const awsKeyId = (random) => `AKIA${random.chars(UPPER_DIGITS, 16)}`;
const awsSecret = (random) => random.chars(BASE64ISH, 40);
const githubToken = (random) => `ghp_${random.chars(ALNUM, 36)}`;

/** A PKCS#8 PEM EC private key whose scalar comes from the seed (createECDH derives the public point). */
function seededPrivateKeyPem(random) {
  for (;;) {
    const scalar = random.bytes(32);
    try {
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(scalar);
      const point = ecdh.getPublicKey();
      const b64url = (buf) => buf.toString('base64url');
      const jwk = { kty: 'EC', crv: 'P-256', d: b64url(scalar), x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) };
      return createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
    } catch {
      // A scalar outside [1, n-1] (probability ~2^-32): draw again, deterministically.
    }
  }
}

/** Each planted file: fixed path, what it holds (kinds, for reports and tests), and its content from the seed. */
export const PLANTED = [
  {
    path: 'services/billing/.env',
    kinds: ['plaintext-env', 'aws-access-key-id', 'aws-secret-access-key', 'github-token'],
    content: (random) =>
      `# local settings\nNODE_ENV=production\nDATABASE_URL=postgres://billing:${random.chars(ALNUM, 20)}@db.internal:5432/billing\n` +
      `AWS_ACCESS_KEY_ID=${awsKeyId(random)}\nAWS_SECRET_ACCESS_KEY=${awsSecret(random)}\nGITHUB_TOKEN=${githubToken(random)}\n`,
  },
  {
    path: 'deploy/keys/deploy-ec.pem',
    kinds: ['private-key'],
    content: (random) => seededPrivateKeyPem(random),
  },
  {
    path: 'src/integrations/aws-client.ts',
    kinds: ['aws-access-key-id', 'aws-secret-access-key'],
    content: (random) =>
      `import { S3Client } from '@aws-sdk/client-s3';\n\n// TODO: move to the secret store before release\n` +
      `export const client = new S3Client({\n  region: 'eu-west-1',\n  credentials: {\n` +
      `    accessKeyId: '${awsKeyId(random)}',\n    secretAccessKey: '${awsSecret(random)}',\n  },\n});\n`,
  },
  {
    path: 'scripts/release_helper.py',
    kinds: ['github-token'],
    content: (random) =>
      `"""Publishes release notes."""\nimport requests\n\nGITHUB_TOKEN = "${githubToken(random)}"\n\n\n` +
      `def publish(tag):\n    headers = {"Authorization": f"token {GITHUB_TOKEN}"}\n` +
      `    return requests.post(f"https://api.github.com/repos/acme/app/releases/{tag}", headers=headers)\n`,
  },
  {
    path: 'infra/terraform/prod/terraform.tfvars',
    kinds: ['plaintext-tfvars'],
    content: (random) => `region      = "eu-west-1"\ninstance    = "m5.large"\ndb_password = "${random.chars(ALNUM, 24)}"\n`,
  },
];
