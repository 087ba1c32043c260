#!/usr/bin/env node
/**
 * Writes the labelled evaluation corpus under eval/corpus/ (committed; rerun only to rebuild it).
 * Positives are FAKE credentials in the formats secretlint's recommended preset documents (its bundled rule
 * sources in node_modules/@secretlint/secretlint-rule-preset-recommend), freshly generated private keys (openssl,
 * ssh-keygen, age-encryption) and plaintext .env/.tfvars files. Negatives are real files that look random but
 * hold no credential: lockfiles, sops-encrypted files, minified bundles, digests, UUIDs, data URIs, a Terraform plan.
 * Nothing here is a real leaked secret. Usage: node eval/generate-corpus.mjs (from the repository root).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt, randomUUID, createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';

const ROOT = 'eval/corpus';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rand = (n, alphabet = ALNUM) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
/** Random characters with FAKE planted where the alphabet allows, so no one mistakes these for real tokens. */
const fakeRand = (n, alphabet = ALNUM) => (alphabet.includes('F') && alphabet.includes('K') ? 'FAKE' + rand(n - 4, alphabet) : rand(n, alphabet));
const hex = (n) =>
  randomBytes(Math.ceil(n / 2))
    .toString('hex')
    .slice(0, n);
const b64 = (bytes) => randomBytes(bytes).toString('base64');
const labels = {};

/** `ops_` + base64 of a JSON object, ending in `fQ` (the base64 of a closing brace), as the 1password rule checks. */
function onePasswordToken() {
  for (let pad = ''; ; pad += 'x') {
    const body = Buffer.from(
      JSON.stringify({ email: `fake${pad}@example.invalid`, secretKey: 'FAKE-' + rand(30), signInAddress: 'fake.example.invalid' }),
    ).toString('base64');
    if (/fQ=*$/.test(body)) return 'ops_' + body;
  }
}

function write(rel, content) {
  const path = join(ROOT, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
function positive(rel, families, content) {
  write(`positives/${rel}`, content);
  labels[`positives/${rel}`] = families;
}

rmSync(ROOT, { recursive: true, force: true });

// ---- known formats (secretlint/*) ----------------------------------------------------------------------------
const tokens = {
  github: ['ghp_' + fakeRand(36), 'github_pat_' + fakeRand(22) + '_' + rand(59)],
  gitlab: ['glpat-' + fakeRand(20, ALNUM + '_-')],
  slack: [
    `xoxb-${rand(12, '0123456789')}-${rand(13, '0123456789')}-${fakeRand(24)}`,
    `https://hooks.slack.com/services/T${rand(10)}/B${rand(10)}/${fakeRand(24)}`,
  ],
  sendgrid: [`SG.${fakeRand(22)}.${rand(43)}`],
  shopify: ['shpat_' + fakeRand(32)],
  stripe: ['sk_live_' + fakeRand(24), 'rk_test_' + fakeRand(30)],
  npm: ['npm_' + fakeRand(36)],
  openai: [`sk-proj-${fakeRand(58, ALNUM + '_-')}T3BlbkFJ${rand(58, ALNUM + '_-')}`],
  anthropic: [`sk-ant-api03-${fakeRand(93, ALNUM + '_-')}AA`],
  groq: ['gsk_' + fakeRand(52)],
  huggingface: ['hf_' + fakeRand(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')],
  linear: ['lin_api_' + fakeRand(40)],
  notion: ['ntn_' + rand(11, '0123456789') + fakeRand(35)],
  '1password': [onePasswordToken()],
  'hashicorp-vault': ['hvs.' + fakeRand(95, ALNUM + '_-')],
  vercel: ['vcp_' + fakeRand(40)],
  databricks: ['dapi' + hex(32)],
  docker: ['dckr_pat_' + fakeRand(27, ALNUM + '_-')],
  figma: ['figd_' + fakeRand(40, ALNUM + '_-')],
  cloudflare: ['cfut_' + fakeRand(40) + hex(8)],
  tailscale: [`tskey-auth-${fakeRand(12)}-${rand(32)}`],
  grafana: ['glc_' + b64(48).replace(/[+/=]/g, 'A'), `glsa_${fakeRand(32)}_${hex(8)}`],
};
const CONTEXTS = [
  (k, v) => [`${k}.env.sample`, `# copied from the dashboard\n${k.toUpperCase().replace(/-/g, '_')}_TOKEN=${v}\n`],
  (k, v) => [`src/${k}-client.ts`, `import { Client } from './client.js';\n\nexport const client = new Client({\n  token: '${v}',\n  retries: 3,\n});\n`],
  (k, v) => [`config/${k}.yaml`, `integration:\n  name: ${k}\n  credentials:\n    token: "${v}"\n`],
  (k, v) => [`scripts/${k}.py`, `import os\n\n${k.toUpperCase().replace(/-/g, '_')}_KEY = "${v}"\n\ndef main():\n    print("ok")\n`],
];
let c = 0;
for (const [kind, list] of Object.entries(tokens)) {
  for (const value of list) {
    const [rel, content] = CONTEXTS[c++ % CONTEXTS.length](kind, value);
    positive(`known/${kind}-${c}-${rel.replace(/\//g, '_')}`, [`secretlint/${kind}`], content);
  }
}
positive(
  'known/aws_credentials.ini',
  ['secretlint/aws'],
  `[default]\naws_access_key_id = AKIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}\naws_secret_access_key = ${rand(40, ALNUM + '+/')}\nregion = eu-west-1\n`,
);
positive(
  'known/aws-deploy.sh',
  ['secretlint/aws'],
  `#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY="${rand(40, ALNUM + '+/')}"\naws s3 sync build/ s3://fake-bucket/\n`,
);
positive(
  'known/npmrc-auth.npmrc',
  ['secretlint/npm'],
  `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}\n`,
);
positive(
  'known/database.yaml',
  ['secretlint/database-connection-string'],
  `production:\n  url: postgres://app_user:${fakeRand(24)}@db.fake-corp.internal:5432/app\n`,
);
positive(
  'known/mongo.js',
  ['secretlint/database-connection-string'],
  `const uri = "mongodb+srv://admin:${fakeRand(20)}@cluster0.fake.mongodb.net/prod?retryWrites=true";\n`,
);
positive('known/mysql.properties', ['secretlint/database-connection-string'], `jdbc.url=jdbc:mysql://root:${fakeRand(16)}@10.0.0.12:3306/shop\n`);
positive(
  'known/basic-auth.md',
  ['secretlint/basicauth'],
  `Clone with:\n\n    git clone https://deploy:${fakeRand(20, ALNUM + '_-')}@git.fake-corp.example/org/repo.git\n`,
);

// ---- private keys ----------------------------------------------------------------------------------------------
const tmp = mkdtempSync(join(tmpdir(), 'sg-eval-'));
const openssl = (...args) => execFileSync('openssl', args, { encoding: 'utf8' });
const rsaPem = openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048');
const ecPem = openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256');
const edPem = openssl('genpkey', '-algorithm', 'ED25519');
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'fake@eval', '-f', join(tmp, 'id_ed25519')]);
const sshKey = readFileSync(join(tmp, 'id_ed25519'), 'utf8');
const sshPub = readFileSync(join(tmp, 'id_ed25519.pub'), 'utf8');
rmSync(tmp, { recursive: true, force: true });
const ageIdentity = await generateIdentity();
const ageRecipient = await identityToRecipient(ageIdentity);
positive('keys/server.key', ['private-key'], rsaPem);
positive('keys/ec-signing.pem', ['private-key'], ecPem);
// Key material is the private-key rule's alone: the secretlint adapter leaves secretlint's privatekey rule to it.
positive('keys/ed25519.pem', ['private-key'], edPem);
positive('keys/deploy_id_ed25519', ['private-key'], sshKey);
positive('keys/age-key.txt', ['private-key'], `# created: 2024-01-01T00:00:00Z\n# public key: ${ageRecipient}\n${ageIdentity}\n`);
positive(
  'keys/values.yaml',
  ['private-key'],
  `tls:\n  enabled: true\n  key: |\n${rsaPem
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`,
);
positive(
  'keys/gcp-service-account.json',
  ['secretlint/gcp', 'private-key'],
  JSON.stringify(
    {
      type: 'service_account',
      project_id: 'fake-project-123',
      private_key_id: hex(40),
      private_key: rsaPem,
      client_email: 'ci@fake-project-123.iam.gserviceaccount.com',
      client_id: rand(21, '0123456789'),
    },
    null,
    2,
  ) + '\n',
);

// ---- plaintext env / tfvars / generic high-entropy --------------------------------------------------------------
positive('env/.env', ['plaintext-env-file', 'generic-credential'], `DATABASE_HOST=db.internal\nDATABASE_PASSWORD=${b64(30)}\nSESSION_SECRET=${b64(33)}\n`);
positive('env/api/.env.production', ['plaintext-env-file', 'generic-credential'], `NODE_ENV=production\nJWT_SIGNING_KEY=${b64(36)}\n`);
positive('env/services/worker.env', ['plaintext-env-file', 'generic-credential'], `QUEUE_URL=amqp://queue.internal\nWORKER_SHARED_SECRET=${hex(48)}\n`);
positive('env/prod.tfvars', ['plaintext-tfvars'], `region      = "eu-west-1"\ndb_password = "${b64(27)}"\n`);
for (let i = 0; i < 12; i++) {
  const key = ['internal_api_secret', 'signingKey', 'HMAC_SECRET', 'webhookSecret', 'encryption_key', 'clientSecret'][i % 6];
  const value = i % 3 === 2 ? hex(40 + (i % 4) * 8) : b64(30 + i);
  const [rel, content] = [
    [`generic/settings-${i}.json`, `{\n  "service": "billing",\n  "${key}": "${value}",\n  "timeout": 30\n}\n`],
    [`generic/config-${i}.yaml`, `app:\n  name: billing\n  ${key}: ${value}\n`],
    [`generic/Settings${i}.java`, `class Settings${i} {\n  static final String ${key.toUpperCase()} = "${value}";\n}\n`],
    [`generic/settings_${i}.rb`, `Rails.application.config.${key} = '${value}'\n`],
  ][i % 4];
  positive(rel, ['generic-credential'], content); // generic-credential names it; high-entropy-string yields (one finding per secret)
}

// ---- negatives ------------------------------------------------------------------------------------------------
const lock = JSON.parse(readFileSync('node_modules/.package-lock.json', 'utf8'));
write(
  'negatives/web/package-lock.json',
  JSON.stringify({ name: 'web', version: '1.0.0', lockfileVersion: 3, requires: true, packages: lock.packages }, null, 2) + '\n',
);
const pkgs = Object.entries(lock.packages).filter(([p, m]) => p && m.version && m.resolved && m.integrity);
write(
  'negatives/web/yarn.lock',
  '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n' +
    pkgs
      .map(([p, m]) => {
        const name = p.slice(p.lastIndexOf('node_modules/') + 13);
        return `"${name}@^${m.version}":\n  version "${m.version}"\n  resolved "${m.resolved}#${hex(40)}"\n  integrity ${m.integrity}\n`;
      })
      .join('\n'),
);
write(
  'negatives/web/pnpm-lock.yaml',
  "lockfileVersion: '9.0'\n\npackages:\n\n" +
    pkgs.map(([p, m]) => `  ${p.slice(p.lastIndexOf('node_modules/') + 13)}@${m.version}:\n    resolution: {integrity: ${m.integrity}}\n`).join('\n'),
);
const goMods = Array.from({ length: 150 }, (_, i) => `github.com/fake-org/module-${i} v1.${i % 20}.${i % 7}`);
write('negatives/svc/go.sum', goMods.flatMap((m) => [`${m} h1:${b64(32)}`, `${m}/go.mod h1:${b64(32)}`]).join('\n') + '\n');
write(
  'negatives/rs/Cargo.lock',
  '# This file is automatically @generated by Cargo.\nversion = 3\n\n' +
    Array.from(
      { length: 120 },
      (_, i) =>
        `[[package]]\nname = "crate-${i}"\nversion = "0.${i % 9}.${i % 5}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${hex(64)}"\n`,
    ).join('\n'),
);
write(
  'negatives/py/poetry.lock',
  Array.from(
    { length: 80 },
    (_, i) =>
      `[[package]]\nname = "pkg-${i}"\nversion = "1.${i}.0"\nfiles = [\n    {file = "pkg_${i}-1.${i}.0-py3-none-any.whl", hash = "sha256:${hex(64)}"},\n]\n`,
  ).join('\n'),
);

const SOPS_FILES = [
  'getsops-sops/example.yaml',
  'getsops-sops/example.json',
  'getsops-sops/example.ini',
  'getsops-sops/example.txt',
  'getsops-sops/config/test_resources/example.yaml',
  'getsops-sops/stores/ini/test_resources/example.json',
  'getsops-sops/examples/per_file/config.enc/static_github.json',
  'getsops-sops/examples/all_in_one/config/secret.enc.json',
  'getsops-sops/functional-tests/res/format.enc.yaml',
  'getsops-sops/functional-tests/res/format.enc.json',
  'getsops-sops/functional-tests/res/format.enc.ini',
  'getsops-sops/functional-tests/res/format-2.enc.ini',
  'getsops-sops/functional-tests/res/format.enc.env',
  'getsops-sops/functional-tests/res/comments.enc.yaml',
  'getsops-sops/functional-tests/res/multiple_keys.yaml',
  'getsops-sops/functional-tests/res/no_mac.yaml',
  'getsops-sops/.sops.yaml',
  'getsops-sops/functional-tests/.sops.yaml',
  'humphd-sops-age/.sops.yaml',
  'humphd-sops-age/tests/data/secret.enc.json',
  'humphd-sops-age/tests/data/secret.enc.yaml',
  'humphd-sops-age/tests/data/secret.enc.env',
];
// The real sops files the project carries as test fixtures (test/fixtures/sops/ORIGIN.md says where each comes from).
for (const f of SOPS_FILES) cpSync(join('test/fixtures/sops', f), join(ROOT, 'negatives/sops', f));

cpSync('node_modules/js-yaml/dist/js-yaml.min.js', join(ROOT, 'negatives/vendor/js-yaml.min.js'));
cpSync('node_modules/lodash/lodash.min.js', join(ROOT, 'negatives/vendor/lodash.min.js'));
cpSync('node_modules/lodash/lodash.js', join(ROOT, 'negatives/vendor/lodash.js'));
cpSync('node_modules/micromatch/index.js', join(ROOT, 'negatives/vendor/micromatch.js'));

const uuidFixture = Array.from({ length: 300 }, (_, i) => ({
  id: randomUUID(),
  sha256: hex(64),
  commit: hex(40),
  etag: `"${hex(32)}"`,
  createdAt: new Date(1.7e12 + i * 3.6e6).toISOString(),
  integrity: `sha512-${b64(64)}`,
  digest: `sha256:${hex(64)}`,
}));
write('negatives/test/fixtures/records.json', JSON.stringify(uuidFixture, null, 2) + '\n');
write('negatives/test/fixtures/checksums.txt', Array.from({ length: 200 }, (_, i) => `${hex(64)}  dist/artifact-${i}.tar.gz`).join('\n') + '\n');
write(
  'negatives/CHANGELOG.md',
  Array.from(
    { length: 200 },
    (_, i) => `- ${['fix', 'feat', 'chore'][i % 3]}: change number ${i} ([${hex(7)}](https://github.com/fake-org/repo/commit/${hex(40)}))`,
  ).join('\n') + '\n',
);
const png = b64(600);
write(
  'negatives/web/styles.css',
  `.logo {\n  background-image: url("data:image/png;base64,${png}");\n}\n.icon { background: url('data:image/svg+xml;base64,${b64(300)}'); }\n`,
);
write(
  'negatives/web/index.html',
  `<!doctype html>\n<html>\n<head>\n<script src="https://cdn.example.com/lib.js" integrity="sha384-${b64(48)}" crossorigin="anonymous"></script>\n</head>\n<body><img alt="logo" src="data:image/gif;base64,${b64(120)}"></body>\n</html>\n`,
);
write('negatives/ssh/authorized_keys', Array.from({ length: 5 }, () => sshPub.trim().replace(/fake@eval/, 'ops@fake')).join('\n') + '\n');
write('negatives/ssh/deploy.pub', sshPub);
write(
  'negatives/sops/.sops.yaml.copy.yaml',
  `creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    age: >-\n      ${ageRecipient},\n      ${await identityToRecipient(await generateIdentity())}\n`,
);
write(
  'negatives/k8s/deployment.yaml',
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:\n    checksum/config: ${hex(64)}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/fake-org/api@sha256:${hex(64)}\n          env:\n            - name: DB_PASSWORD\n              valueFrom: { secretKeyRef: { name: db, key: password } }\n`,
);
write(
  'negatives/chart/values.yaml',
  `image:\n  tag: "{{ .Values.global.imageTag }}"\napi:\n  token: "{{ .Values.secrets.apiToken | b64enc }}"\n  url: "\${API_BASE_URL}"\n  key: <your-api-key-here>\n`,
);
write('negatives/.env.example', 'DATABASE_URL=postgres://localhost:5432/dev\nAPI_TOKEN=changeme\nSECRET_KEY=<generate-with-openssl-rand>\n');
write('negatives/gen/api.pb.go', `// Code generated by protoc-gen-go. DO NOT EDIT.\npackage api\n\nvar fileDescriptor = []byte("${b64(600)}")\n`);
write(
  'negatives/.gitmodules',
  Array.from({ length: 10 }, (_, i) => `[submodule "vendor/lib${i}"]\n\tpath = vendor/lib${i}\n\turl = https://github.com/fake-org/lib${i}.git\n`).join(''),
);

// A Terraform plan (terraform show -json) of a VPC and instances: ids, ARNs, AMIs, hashes, no credentials.
const resources = Array.from({ length: 60 }, (_, i) => ({
  address: `aws_instance.web[${i}]`,
  mode: 'managed',
  type: 'aws_instance',
  name: 'web',
  index: i,
  provider_name: 'registry.terraform.io/hashicorp/aws',
  change: {
    actions: ['create'],
    before: null,
    after: {
      ami: `ami-${hex(17)}`,
      instance_type: 't3.micro',
      subnet_id: `subnet-${hex(17)}`,
      vpc_security_group_ids: [`sg-${hex(17)}`],
      user_data: createHash('sha1').update(String(i)).digest('hex'),
      tags: { Name: `web-${i}`, Owner: 'platform' },
      arn: `arn:aws:ec2:eu-west-1:123456789012:instance/i-${hex(17)}`,
    },
    after_unknown: { id: true, private_ip: true },
  },
}));
write(
  'negatives/infra/plan.json',
  JSON.stringify(
    {
      format_version: '1.2',
      terraform_version: '1.7.5',
      resource_changes: resources,
      configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } } },
    },
    null,
    2,
  ) + '\n',
);

writeFileSync(
  join(ROOT, 'labels.json'),
  JSON.stringify({ note: 'positives/<file>: rule families expected to report it; every other file is a negative', positives: labels }, null, 2) + '\n',
);
console.log(`wrote ${Object.keys(labels).length} positives`);
