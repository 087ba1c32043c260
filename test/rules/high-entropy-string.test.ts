import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rule, DEFAULT_HIGH_ENTROPY_OPTIONS } from '../../rules/high-entropy-string.js';
import { randomStringEntropy, shannonEntropy, thresholdFor } from '../../src/entropy/shannon.js';
import { ConfigError } from '../../src/errors.js';
import { fake, randomChars } from '../helpers/fake-tokens.js';
import { lintWith, testRule, optionsOf } from '../helpers/rule-tester.js';

const token = fake.genericBase64(11, 40);
const hex = fake.hex(12, 40);
const b64 = (seed: number) => fake.genericBase64(seed, 44);
/** A random 32-character signing secret, the length detect-secrets' 4.5 bits misses about a third of the time. */
const signingSecret = (seed: number) => fake.genericBase64(100 + seed, 32);
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const rsaPublicDer = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const ecPrivatePem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const base64Pem = (pem: string) => Buffer.from(pem).toString('base64');
const certificatePem = `-----BEGIN CERTIFICATE-----\n${b64(30)}${b64(31)}\n-----END CERTIFICATE-----\n`;
/** The first bytes of an X.509 v3 certificate (SEQUENCE { SEQUENCE { [0] { INTEGER 2 } ... } }), then noise. */
const certificateDer = Buffer.concat([Buffer.from('3082030030820200a003020102', 'hex'), Buffer.from(b64(32))]).toString('base64');

describe('the planted tokens are what the cases claim', () => {
  it('is above the thresholds', () => {
    expect(shannonEntropy(token)).toBeGreaterThan(4.5);
    expect(shannonEntropy(hex)).toBeGreaterThan(3.0);
  });

  it('has signing secrets that 4.5 bits per character would miss', () => {
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(seeds.filter((s) => shannonEntropy(signingSecret(s)) <= 4.5).length).toBeGreaterThan(5);
  });
});

testRule(rule, {
  valid: [
    // Outside a secret file, only a credential name makes a value worth measuring.
    { name: 'a random value under a name that says nothing', path: 'hosts/web.nix', content: `id = "${token}";\ninit = "${b64(40)}";\n` },
    { name: '`key` alone (taints, tags, S3 paths, key ids)', path: 'main.tf', content: `key = "${token}"\n` },
    { name: 'unquoted prose is not a context', path: 'README.md', content: `The value ${token} appears in prose.\n` },
    { name: 'low-entropy words', path: 'src/a.ts', content: 'const password = "this_is_a_perfectly_ordinary_identifier";\n' },
    { name: 'short tokens', path: 'src/a.ts', content: `const apiKey = "${token.slice(0, 18)}";\n` },
    { name: 'hex needs 1.5 times the length of base64', path: 'app.yaml', content: `api_key: ${fake.hex(40, 28)}\n` },
    {
      name: 'a name that says what the value is not (public key, id, path, hash)',
      path: '.env',
      content: `WIREGUARD_PUBLIC_KEY=${b64(41)}\nCLIENT_ID=${b64(42)}\nTOKEN_FILE=${b64(43)}\nPASSWORD_HASH=${b64(44)}\n`,
    },
    // Secret files: every value is measured, and the classes below are left alone.
    {
      name: 'device paths',
      path: '.env',
      content: `DATA_DISK=/dev/disk/by-id/nvme-SAMSUNG_MZVLB1T0HBLR-000L7_${randomChars(14, 45, BASE32)}\nZIGBEE=/dev/serial/by-id/usb-Xilinx_A-U280-P32G_${randomChars(12, 46)}-if02-port0\n`,
    },
    {
      name: 'Nix store and home paths',
      path: 'secrets.yaml',
      content: `init: /nix/store/${randomChars(32, 47, 'abcdfghijklmnpqrsvwxyz0123456789')}-nixos-system/init\nwallpaper: "~/Pictures/${b64(48)}.png"\n`,
    },
    {
      name: 'cloud resource names',
      path: 'secrets.yaml',
      content: `provider: projects/836187109693/locations/global/workloadIdentityPools/github-actions/providers/${randomChars(24, 49)}\ndisk: projects/infra-prod/zones/europe-west1-b/disks/${b64(50)}\n`,
    },
    {
      name: 'URLs with a commit hash or a long path',
      path: 'terraform.tfvars',
      content: `chart = "https://github.com/org/repo/blob/${fake.hex(51, 40)}/charts/app/values.yaml"\nschema = "https://raw.githubusercontent.com/fluxcd-community/flux2-schemas/main/helmrepository-source-v1beta2.json"\n`,
    },
    {
      name: 'secret-manager references (1Password, vals, Vault)',
      path: '.env',
      content: `DB_PASSWORD=op://Private/${randomChars(26, 52, 'abcdefghijklmnopqrstuvwxyz0123456789')}/password\nAPI_TOKEN=ref+vault://secret/data/${b64(53)}#/token\n`,
    },
    { name: 'WireGuard public key named as such', path: 'secrets.yaml', content: `wireguard:\n  publicKey: "${b64(54)}"\n  remote.publicKey: "${b64(55)}"\n` },
    {
      name: 'Nix binary cache public key',
      path: 'secrets.yaml',
      content: `substituter: "cache.example.org-1:${randomChars(43, 56, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')}="\n`,
    },
    { name: 'SSH public key', path: 'authorized_keys.yaml', content: `ssh_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(10)} deploy@ci"\n` },
    { name: 'age recipient', path: '.sops.yaml', content: `age_key: "age1${randomChars(58, 9, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}"\n` },
    { name: 'DKIM record and a DER public key', path: 'dns.tfvars', content: `dkim = "v=DKIM1; k=rsa; p=${rsaPublicDer}"\nsigner = "${rsaPublicDer}"\n` },
    { name: 'certificates, base64 PEM and DER', path: 'secrets.yaml', content: `ca: ${base64Pem(certificatePem)}\ncrt: ${certificateDer}\n` },
    {
      name: 'Syncthing device ids',
      path: 'secrets.yaml',
      content: `laptop: "${Array.from({ length: 8 }, (_, i) => randomChars(7, 60 + i, BASE32)).join('-')}"\n`,
    },
    { name: 'ULIDs', path: '.env', content: `LAST_EVENT=0${randomChars(25, 61, CROCKFORD)}\n` },
    {
      name: 'LVM UUIDs',
      path: 'secrets.yaml',
      content: `vg_uuid: ${randomChars(6, 62)}-${randomChars(4, 63)}-${randomChars(4, 64)}-${randomChars(4, 65)}-${randomChars(4, 66)}-${randomChars(4, 67)}-${randomChars(6, 68)}\n`,
    },
    {
      name: 'base64 digests (SRI, Go h1:, Terraform zh:)',
      path: '.env',
      content: `INTEGRITY=sha384-${b64(6)}\nMODULE=h1:${b64(69)}\nPROVIDER=zh:${fake.hex(70, 64)}\n`,
    },
    { name: 'Terraform provider lock file', path: 'infra/.terraform.lock.hcl', content: `  hashes = [\n    "h1:${b64(71)}",\n  ]\n` },
    {
      name: 'draw.io cell ids',
      path: 'docs/architecture.drawio',
      content: `<mxCell id="${randomChars(20, 72)}-1" value="" style="rounded=1" />\n<diagram id="${b64(73)}" name="Page-1">\n`,
    },
    {
      name: 'template and variable references',
      path: 'modules/app.nix',
      content: `private_key = "/$CREDENTIALS_DIRECTORY/${randomChars(24, 74)}";\nAPI_TOKEN="$(cat $CREDENTIALS_DIRECTORY/${randomChars(24, 75)})"\npassword = "{{ .Values.${randomChars(24, 76)} }}";\nsecret = "\${config.sops.secrets.${randomChars(24, 86)}.path}";\nauth_token = $${randomChars(24, 87)}\n`,
    },
    {
      name: 'password hashes (crypt, argon2, LDAP)',
      path: 'users.yaml',
      content: `password: "$6$rounds=4096$${randomChars(16, 77)}$${b64(78)}${b64(79)}"\nsecret1: "$argon2id$v=19$m=65536,t=3,p=4$${b64(80)}$${b64(81)}"\nuserPassword: "{SSHA}${b64(82)}"\n`,
    },
    {
      name: 'identifiers made of words',
      path: 'apps/grafana/secret.yaml',
      content: `- secretKey: GF_SECURITY_ADMIN_PASSWORD\n- secretKey: ZIGBEE2MQTT_CONFIG_MQTT_PASSWORD\n- secretKey: qbittorrent_admin_password\ndataKey = RecoverDataKeyFromBuggyKMS(opts)\n`,
    },
    {
      name: 'placeholders inside a token',
      path: '.env',
      content: `AWS_SECRET_ACCESS_KEY=${randomChars(30, 83)}EXAMPLEKEY\nGITHUB_TOKEN=ghp_yourGitHubPersonalAccessToken\nAPI_KEY=${'aB3dE7fG'.repeat(5)}\nSTRIPE_SECRET=your_stripe_secret_here\n`,
    },
    { name: 'elided values', path: 'docs/setup.md', content: `token: "${randomChars(22, 84)}..."\n` },
    { name: 'External Secrets manifests hold references', path: 'apps/externalsecret.yaml', content: `remoteRef:\n  key: ${b64(85)}\n` },
    {
      name: 'a SealedSecret is not a Secret manifest',
      path: 'apps/sealed.yaml',
      content: `kind: SealedSecret\nspec:\n  encryptedData:\n    upstream: ${b64(100)}${b64(101)}\n`,
    },
    {
      name: 'a value named on the line before by a name that says nothing',
      path: 'main.tf',
      content: `tags = [{ key = "Environment", value = "${b64(102)}" }]\n`,
    },
    // Kept from before: what no context makes a credential.
    { name: 'sops ENC value', path: 'secrets.yaml', content: `password: ENC[AES256_GCM,data:${b64(1)},iv:${b64(2)},tag:${b64(3)},type:str]\n` },
    {
      name: 'sops dotenv metadata line',
      path: '.env.enc',
      // Neither value yields a token: a one-line armor is a PEM line, and an unquoted ENC value ends at its first comma.
      content: `sops_age__list_0__map_enc=-----BEGIN AGE ENCRYPTED FILE-----\\n${b64(4)}\\n-----END AGE ENCRYPTED FILE-----\\n\nsops_mac=ENC[AES256_GCM,data:${b64(5)},iv:${b64(2)},tag:${b64(3)},type:str]\n`,
    },
    { name: 'package-lock.json by name', path: 'web/package-lock.json', content: `{ "token": "${token}" }\n` },
    { name: 'any *.lock', path: 'deps/custom.lock', content: `secret = "${token}"\n` },
    // A UUID stays under 4.1 bits/char, so the filter only shows with a lowered threshold.
    {
      name: 'UUID',
      path: 'fixtures/secrets.json',
      content: '{ "token": "3f0c9a3e-8b1d-4c57-9e2f-7a6b5c4d3e2f" }\n',
      options: { thresholds: { base64: 3, hex: 3 } },
    },
    {
      name: 'hex digest under a digest name',
      path: 'secrets.yaml',
      content: `checksum: ${hex}\nsha256: "${fake.hex(13, 64)}"\ntoken_sha256 = "${fake.hex(17, 64)}"\n`,
    },
    { name: 'digest-length hex under a plain name (Terraform plan user_data)', path: 'terraform.tfvars', content: `user_data = "${hex}"\n` },
    { name: 'PGP fingerprint', path: 'secrets.yaml', content: `pgp: ${fake.hex(16, 40).toUpperCase()}\n` },
    { name: 'ciphertext named as such (sops kms enc)', path: 'secrets.json', content: `{ "enc": "${b64(20)}${b64(21)}" }\n` },
    { name: 'sha256: digest prefix', path: '.env', content: `IMAGE=registry/app@sha256:${fake.hex(14, 64)}\n` },
    { name: 'image data URI', path: 'secrets.json', content: `{ "logo": "data:image/png;base64,${b64(7)}${b64(8)}" }\n` },
    { name: '${VAR} and <...> placeholders', path: '.env', content: `PASSWORD="\${VAULT_${token}}"\nAPI_KEY=<${randomChars(40, 21)}>\n` },
    { name: 'minified file by name', path: 'public/app.min.js', content: `var secret="${token}";\n` },
    { name: 'generated file by header', path: 'gen/api.pb.go', content: `// Code generated by protoc-gen-go. DO NOT EDIT.\nvar apiToken = "${token}"\n` },
    { name: 'very long line', path: 'dist/data.js', content: `var secret = "${token}";${' '.repeat(1000)}\n` },
    { name: 'PEM block body', path: 'certs/ca.pem', content: `-----BEGIN CERTIFICATE-----\n${b64(15)}${b64(16)}\n${b64(17)}\n-----END CERTIFICATE-----\n` },
    {
      name: 'one-line PEM in JSON',
      path: 'sa.json',
      content: `{ "private_key": "-----BEGIN CERTIFICATE-----\\n${b64(18)}\\n-----END CERTIFICATE-----\\n" }\n`,
    },
    {
      name: 'charset tables',
      path: 'secrets.json',
      content:
        '{ "b64": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", "b58": "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz" }\n',
    },
    { name: 'all-digit number', path: 'secrets.json', content: '{ "secret": "93847561029384756102938475610" }\n' },
  ],
  invalid: [
    // A random 32-character signing secret assigned to SECRET_KEY, in each form it is written (seeds whose secret has
    // at most 4.5 bits per character: detect-secrets' threshold alone would miss every one of them).
    {
      name: 'SECRET_KEY in .env',
      path: '.env',
      content: `SECRET_KEY=${signingSecret(4)}\n`,
      errors: [{ line: 1, message: 'assigned to SECRET_KEY', severity: 'warning' }],
    },
    {
      name: 'SECRET_KEY in YAML',
      path: 'config/app.yaml',
      content: `app:\n  SECRET_KEY: ${signingSecret(6)}\n`,
      errors: [{ line: 2, message: 'assigned to SECRET_KEY' }],
    },
    {
      name: 'SECRET_KEY in JSON',
      path: 'config/app.json',
      content: `{\n  "SECRET_KEY": "${signingSecret(8)}"\n}\n`,
      errors: [{ line: 2, message: 'assigned to SECRET_KEY' }],
    },
    {
      name: 'SECRET_KEY in Python (and os.environ.get defaults)',
      path: 'settings.py',
      content: `SECRET_KEY = '${signingSecret(11)}'\nSECRET_KEY = os.environ.get("SECRET_KEY", "${signingSecret(13)}")\n`,
      errors: [{ line: 1 }, { line: 2, message: 'assigned to SECRET_KEY' }],
    },
    {
      name: 'SECRET_KEY in JS',
      path: 'src/config.js',
      content: `export const SECRET_KEY = "${signingSecret(16)}";\nmodule.exports = { SECRET_KEY: '${signingSecret(17)}' };\n`,
      errors: [{ line: 1, column: 28 }, { line: 2 }],
    },
    {
      name: 'SECRET_KEY in Go',
      path: 'config.go',
      content: `const SecretKey = "${signingSecret(19)}"\nvar cfg = Config{SecretKey: \`${signingSecret(20)}\`}\nsecretKey := "${signingSecret(24)}"\n`,
      errors: [{ line: 1, message: 'assigned to SecretKey' }, { line: 2 }, { line: 3 }],
    },
    {
      name: 'SECRET_KEY in TOML',
      path: 'config.toml',
      content: `[server]\nsecret_key = "${signingSecret(26)}"\n`,
      errors: [{ line: 2, message: 'assigned to secret_key' }],
    },
    {
      name: 'SECRET_KEY in HCL',
      path: 'main.tf',
      content: `resource "app" "x" {\n  secret_key = "${signingSecret(34)}"\n}\n`,
      errors: [{ line: 2, message: 'assigned to secret_key' }],
    },
    // Other credential names, and how a name is read.
    {
      name: 'quoted base64 token',
      path: 'src/config.ts',
      content: `// config\nexport const apiKey = "${token}";\n`,
      errors: [{ line: 2, column: 24, message: 'high-entropy base64 string (40 chars' }],
    },
    {
      name: 'YAML client_secret',
      path: 'config.yaml',
      content: `service:\n  client_secret: ${token}\n`,
      errors: [{ line: 2, message: 'assigned to client_secret' }],
    },
    {
      name: 'hex token under signing_key',
      path: 'settings.json',
      content: `{\n  "signing_key": "${hex}"\n}\n`,
      errors: [{ line: 2, message: 'high-entropy hex string' }],
    },
    // The engine, not the rule, decides which sops values are ciphertext (src/sops/ciphertext-spans.ts).
    {
      name: 'a quoted ENC value is measured like any other string',
      path: 'app.json',
      content: `{"password": "ENC[AES256_GCM,data:${token},type:str]"}\n`,
      errors: [{ line: 1 }],
    },
    {
      name: 'WORKER_SHARED_SECRET (a name that merely starts like sha)',
      path: 'worker.env',
      content: `WORKER_SHARED_SECRET=${fake.hex(22, 48)}\n`,
      errors: [{ line: 1 }],
    },
    {
      name: 'digest-length hex under a credential name',
      path: 'app.yaml',
      content: `api_key: ${hex}\n`,
      errors: [{ line: 1, message: 'assigned to api_key' }],
    },
    {
      name: 'the head word decides: git_token, pgp_passphrase, client-key',
      path: 'ci.yaml',
      content: `git_token: ${b64(90)}\npgp_passphrase: ${b64(91)}\nclient-key: ${b64(92)}\n`,
      errors: [{ line: 1 }, { line: 2 }, { line: 3 }],
    },
    { name: 'URL-encoded characters do not hide the rest of a password', path: '.env', content: `DB_PASSWORD=Xy%2B${b64(103)}\n`, errors: [{ line: 1 }] },
    { name: 'a token in a URL path under webhook', path: 'ci.yaml', content: `webhook: "https://hooks.example.com/notify/${token}"\n`, errors: [{ line: 1 }] },
    {
      name: 'a secret beside a sops value still counts',
      path: 'mixed.yaml',
      content: `a: ENC[AES256_GCM,data:${b64(19)},type:str]\npassword: "${token}"\n`,
      errors: [{ line: 2 }],
    },
    {
      name: 'any value of a secret file (tfvars)',
      path: 'prod.tfvars',
      content: `cloudflare = "${token}"\n`,
      errors: [{ line: 1, message: 'assigned to cloudflare' }],
    },
    {
      name: 'a Nix binary cache secret key (64 bytes, not the 32-byte public one)',
      path: 'secrets.yaml',
      content: `signing: "cache.example.org-1:${b64(93)}${b64(94)}"\n`,
      errors: [{ line: 1 }],
    },
    {
      name: 'a value named on the line before (env lists, Terraform variables) or earlier on its line',
      path: 'deploy.yaml',
      content: `env:\n  - name: LOG_LEVEL\n    value: info\n  - name: API_TOKEN\n    value: "${b64(95)}"\n  - { name: DB_PASSWORD, value: ${b64(96)} }\n`,
      errors: [
        { line: 5, message: 'assigned to API_TOKEN' },
        { line: 6, message: 'assigned to DB_PASSWORD' },
      ],
    },
    {
      name: 'a Terraform variable default',
      path: 'variables.tf',
      content: `variable "db_password" {\n  type    = string\n  default = "${b64(97)}"\n}\n`,
      errors: [{ line: 3, message: 'assigned to db_password' }],
    },
    {
      name: 'any value of a Kubernetes Secret manifest',
      path: 'apps/app.yaml',
      content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  upstream: ${b64(98)}\n`,
      errors: [{ line: 6 }],
    },
    {
      name: 'an Authorization header, whatever its key',
      path: 'client.js',
      content: `fetch(url, { headers: { 'X-Forward': 'Bearer ${b64(99)}' } });\n`,
      errors: [{ line: 1 }],
    },
    {
      name: 'a base64-encoded PEM private key, under any name, in any file',
      path: 'kubeconfig',
      content: `users:\n- user:\n    client-key-data: ${base64Pem(ecPrivatePem)}\n    data: ${base64Pem(ecPrivatePem)}\n`,
      errors: [{ line: 3, message: 'base64-encoded PRIVATE KEY assigned to client-key-data' }, { line: 4 }],
    },
  ],
});

describe('high-entropy-string details', () => {
  it('catches a random 32-character SECRET_KEY whatever its entropy happens to be', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(await lintWith(rule, { path: '.env', content: `SECRET_KEY=${signingSecret(seed)}\n` })).toHaveLength(1);
    }
  });

  it('never puts the token in the message', async () => {
    const found = await lintWith(rule, { path: 'a.ts', content: `const secret = "${token}";\n` });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).not.toContain(token);
    expect(found[0]!.message).not.toContain(token.slice(4, 12));
  });

  it('reports a token once even when two contexts see it', async () => {
    const found = await lintWith(rule, { path: 'a.sh', content: `export API_TOKEN="SECRET=${token}"\n` });
    expect(found).toHaveLength(1);
  });

  it('honours configured thresholds, for short tokens too', async () => {
    const content = `secret = "${token}"\n`;
    expect(await lintWith(rule, { path: 'a.py', content, options: { thresholds: { base64: 5.9, hex: 3 } } })).toEqual([]);
    const short = `secret = "${signingSecret(1)}"\n`;
    expect(await lintWith(rule, { path: 'a.py', content: short, options: { thresholds: { base64: 5, hex: 3 } } })).toEqual([]);
    const lowHex = 'ab12cd34ef'.repeat(2) + '5a6b7c8d9e0f';
    expect(await lintWith(rule, { path: 'a.py', content: `token = "${lowHex}"\n`, options: { thresholds: { base64: 4.5, hex: 1.5 } } })).toHaveLength(1);
  });

  it('judges a short token against what random strings of its length reach', () => {
    expect(randomStringEntropy(32, 'base64')).toBeCloseTo(4.56, 2);
    expect(randomStringEntropy(32, 'hex')).toBeCloseTo(3.61, 2);
    expect(thresholdFor(32, 'base64', 4.5, 4.5)).toBeCloseTo(4.06, 2);
    expect(thresholdFor(200, 'base64', 4.5, 4.5)).toBe(4.5);
    expect(thresholdFor(32, 'base64', 5, 4.5)).toBeCloseTo(4.56, 2);
    expect(thresholdFor(40, 'hex', 3, 3)).toBe(3);
  });

  it('parseOptions merges over defaults and names the bad key path', () => {
    const kp = 'rules.high-entropy-string.options';
    expect(optionsOf(rule, { thresholds: { hex: 3.5 } }, kp)).toEqual({ ...DEFAULT_HIGH_ENTROPY_OPTIONS, thresholds: { base64: 4.5, hex: 3.5 } });
    expect(optionsOf(rule, { minLength: 32, maxLineLength: 400 }, kp)).toMatchObject({ minLength: 32, maxLineLength: 400 });
    expect(() => optionsOf(rule, { thresholds: { hex: 5 } }, kp)).toThrow(`${kp}.thresholds.hex: expected a number of bits per character in (0, 4]`);
    expect(() => optionsOf(rule, { thresholds: { base32: 3 } }, kp)).toThrow(`${kp}.thresholds.base32: unknown charset`);
    expect(() => optionsOf(rule, { minLength: 4 }, kp)).toThrow(`${kp}.minLength: expected an integer of at least 8`);
    expect(() => optionsOf(rule, { limit: 4 }, kp)).toThrow(ConfigError);
    expect(() => optionsOf(rule, 'x', kp)).toThrow(`${kp}: expected a mapping`);
  });
});
