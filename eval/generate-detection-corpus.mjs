#!/usr/bin/env node
/**
 * Writes the detection part of the labelled corpus (issue 15): eval/corpus/positives/detection/<category>/ and
 * eval/corpus/negatives/detection/, and their labels in eval/corpus/labels.json (entries under positives/detection/
 * are replaced; the rest of the corpus, eval/generate-corpus.mjs, is left as it is).
 *
 * Positives are FAKE credentials built from each vendor's documented format with random bodies ("FAKE" planted where
 * the alphabet allows), in the contexts code holds them: Python, JS/TS, Go, Java, PHP, Ruby, C#, YAML, JSON, TOML,
 * INI, properties, XML, .env, shell, Dockerfile, GitHub Actions and GitLab CI files. Negatives are the hard cases:
 * placeholders, documentation examples, interpolations and references, hashes, public keys, random-looking
 * identifiers, UUIDs, git SHAs, base64 images. Usage: node eval/generate-detection-corpus.mjs (repository root).
 */
import { generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = 'eval/corpus';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = ALNUM + '_-';
const HEXCH = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const rand = (n, alphabet = ALNUM) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const fake = (n, alphabet = ALNUM) => (alphabet.includes('F') && alphabet.includes('K') ? 'FAKE' + rand(n - 4, alphabet) : rand(n, alphabet));
const hex = (n) => rand(n, HEXCH);
const b64 = (bytes) => randomBytes(bytes).toString('base64');
const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const password = () => `Fk${rand(6)}!${rand(4)}${randomInt(10)}`;
const secretToken = () => fake(32);
const labels = {};

function write(rel, content) {
  mkdirSync(dirname(join(ROOT, rel)), { recursive: true });
  writeFileSync(join(ROOT, rel), content);
}
function positive(rel, family, content) {
  write(`positives/detection/${rel}`, content);
  labels[`positives/detection/${rel}`] = [family];
}
const negative = (rel, content) => write(`negatives/detection/${rel}`, content);

rmSync(join(ROOT, 'positives/detection'), { recursive: true, force: true });
rmSync(join(ROOT, 'negatives/detection'), { recursive: true, force: true });

// ---- generic-credential: every context, a password and a machine secret ---------------------------------------
const GENERIC = [
  ['settings.py', (p, t) => `DATABASES = {"default": {"USER": "app", "PASSWORD": "${p}"}}\nSECRET_KEY = "${t}"\n`],
  ['client.js', (p, t) => `module.exports = {\n  dbPassword: '${p}',\n  apiSecret: '${t}',\n};\n`],
  ['config.ts', (p, t) => `export const config = {\n  password: "${p}",\n  authToken: "${t}",\n};\n`],
  ['main.go', (p, t) => `var cfg = Config{\n\tUser:     "app",\n\tPassword: "${p}",\n}\n\nconst apiToken = "${t}"\n`],
  ['Db.java', (p, t) => `class Db {\n  private static final String DB_PASSWORD = "${p}";\n  private static final String CLIENT_SECRET = "${t}";\n}\n`],
  ['config.php', (p, t) => `<?php\nreturn [\n  'password' => '${p}',\n  'secret_key' => '${t}',\n];\n`],
  ['initializer.rb', (p, t) => `Mailer.configure do |c|\n  c.password = "${p}"\n  c.api_secret = "${t}"\nend\n`],
  ['Startup.cs', (p, t) => `var options = new Options {\n    Password = "${p}",\n    ClientSecret = "${t}",\n};\n`],
  ['docker-compose.yml', (p, t) => `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${p}\n      APP_SECRET_KEY: ${t}\n`],
  ['appsettings.json', (p, t) => JSON.stringify({ Database: { User: 'app', Password: p }, Auth: { ClientSecret: t } }, null, 2) + '\n'],
  ['config.toml', (p, t) => `[database]\nuser = "app"\npassword = "${p}"\n\n[api]\nsecret = "${t}"\n`],
  ['app.ini', (p, t) => `[db]\nuser = app\npassword = ${p}\n\n[api]\naccess_key = ${t}\n`],
  ['application.properties', (p, t) => `spring.datasource.username=app\nspring.datasource.password=${p}\njwt.secret=${t}\n`],
  [
    'settings.xml',
    (p, t) => `<settings>\n  <server>\n    <id>nexus</id>\n    <password>${p}</password>\n    <apiToken>${t}</apiToken>\n  </server>\n</settings>\n`,
  ],
  ['deploy.env', (p, t) => `DB_USER=app\nDB_PASSWORD=${p}\nWEBHOOK_SECRET=${t}\n`],
  ['deploy.sh', (p, t) => `#!/bin/sh\nexport DB_PASS='${p}'\nexport API_TOKEN=${t}\n./deploy --env prod\n`],
  ['Dockerfile', (p, t) => `FROM node:22\nENV DB_PASSWORD ${p}\nENV API_KEY=${t}\nCMD ["node", "server.js"]\n`],
  [
    '.github/workflows/deploy.yml',
    (p, t) =>
      `name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      REGISTRY_PASSWORD: ${p}\n      DEPLOY_TOKEN: ${t}\n    steps:\n      - run: ./deploy.sh\n`,
  ],
  ['.gitlab-ci.yml', (p, t) => `variables:\n  DB_PASSWORD: "${p}"\n  SONAR_TOKEN: "${t}"\n\ntest:\n  script: make test\n`],
  ['backup.sh', (p) => `#!/bin/sh\nmysqldump -u root -p${p} shop > /backup/shop.sql\n`],
  ['values.yaml', (p, t) => `redis:\n  auth:\n    password: "${p}"\ngrafana:\n  adminPassword: ${p}x\n  secretKey: ${t}\n`],
  ['cli.sh', (p, t) => `vault login -method=userpass username=ops password=${p}\nterraform-cloud --api-token ${t}\n`],
];
for (const [i, [file, make]] of GENERIC.entries())
  positive(`generic-credential/${i}-${file.replace(/\//g, '_')}`, 'generic-credential', make(password(), secretToken()));

// ---- token-formats: one per documented format, in a rotating context -------------------------------------------
const b64id = Buffer.from(String(800000000000000000n + BigInt(randomInt(1e9))))
  .toString('base64')
  .replace(/=+$/, '');
const TOKENS = {
  'google-api-key': 'AIza' + fake(35, URLSAFE),
  'google-oauth-client-secret': 'GOCSPX-' + fake(28, URLSAFE),
  'google-oauth-access-token': 'ya29.' + fake(120, URLSAFE),
  'aws-access-key-id': 'AKIA' + rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
  gitlab: 'glptt-' + hex(40),
  'slack-config-token': 'xoxe.xoxp-1-' + fake(160),
  twilio: 'SK' + hex(32),
  'telegram-bot-token': `${randomInt(100000000, 999999999)}:AA${fake(33, URLSAFE)}`,
  'discord-bot-token': `${b64id}.${rand(6, URLSAFE)}.${fake(38, URLSAFE)}`,
  'discord-webhook': `https://discord.com/api/webhooks/${randomInt(1e9)}${randomInt(1e9)}/${fake(68, URLSAFE)}`,
  pypi: 'pypi-AgEIcHlwaS5vcmc' + fake(80, URLSAFE),
  heroku: 'HRKU-AA' + fake(58, URLSAFE),
  'huggingface-org': 'api_org_' + fake(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
  digitalocean: 'dop_v1_' + hex(64),
  'terraform-cloud': `${fake(14)}.atlasv1.${rand(67, URLSAFE)}`,
  doppler: 'dp.pt.' + fake(43),
  mailgun: 'key-' + hex(32),
  mailchimp: `${hex(32)}-us${randomInt(1, 21)}`,
  datadog: hex(32),
  'new-relic': 'NRAK-' + fake(27, UPPER),
  sentry: 'sntryu_' + hex(64),
  square: 'sq0atp-' + fake(22, URLSAFE),
  pulumi: 'pul-' + hex(40),
  'grafana-api-key': 'eyJrIjoi' + fake(80),
  '1password-secret-key': `A3-${rand(6, UPPER)}-${rand(11, UPPER)}-${rand(5, UPPER)}-${rand(5, UPPER)}-${rand(5, UPPER)}`,
  'anthropic-admin-key': `sk-ant-admin01-${fake(93, URLSAFE)}AA`,
  'stripe-webhook-secret': 'whsec_' + fake(32),
  atlassian: 'ATATT3' + fake(186, URLSAFE),
  postman: `PMAK-${hex(24)}-${hex(34)}`,
  brevo: `xkeysib-${hex(64)}-${fake(16)}`,
  mapbox: `sk.eyJ1Ijoi${fake(40, URLSAFE)}.${rand(22, URLSAFE)}`,
  supabase: 'sbp_' + hex(40),
  buildkite: 'bkua_' + hex(40),
  planetscale: 'pscale_tkn_' + fake(43, URLSAFE),
  rubygems: 'rubygems_' + hex(48),
  dynatrace: `dt0c01.${fake(24, UPPER)}.${rand(64, UPPER)}`,
  'alibaba-access-key-id': 'LTAI' + fake(20),
};
/** Vendor-named variable, so formats that need the vendor's name in the file have it. */
const envName = (id) => id.toUpperCase().replace(/[^A-Z0-9]+/g, '_') + (id === 'datadog' ? '_DD_API_KEY' : '_TOKEN');
const TOKEN_CONTEXTS = [
  (id, v) => [`${id}.env`, `# ${id}\n${envName(id)}=${v}\n`],
  (id, v) => [`${id}.py`, `import requests\n\n${envName(id)} = "${v}"\n`],
  (id, v) => [`${id}.ts`, `// ${id} client\nexport const ${envName(id)} = '${v}';\n`],
  (id, v) => [`${id}.yaml`, `${id}:\n  enabled: true\n  ${envName(id).toLowerCase()}: "${v}"\n`],
  (id, v) => [`${id}.go`, `package ${id.replace(/[^a-z]/g, '')}\n\n// ${envName(id)} for ${id}\nconst token = "${v}"\n`],
  (id, v) => [`${id}.json`, JSON.stringify({ service: id, [envName(id).toLowerCase()]: v }, null, 2) + '\n'],
  (id, v) => [`${id}-ci.yml`, `# ${id}\njobs:\n  release:\n    env:\n      ${envName(id)}: ${v}\n`],
  (id, v) => [`${id}.sh`, `#!/bin/sh\n# ${id}\nexport ${envName(id)}="${v}"\n`],
];
for (const [i, [id, value]] of Object.entries(TOKENS).entries()) {
  const [file, content] = TOKEN_CONTEXTS[i % TOKEN_CONTEXTS.length](id, value);
  positive(`token-formats/${file}`, `token-formats/${id}`, content);
}

// ---- url-credentials -------------------------------------------------------------------------------------------
const URLS = [
  ['amqp.yaml', () => `broker:\n  url: amqp://app:${password()}@rabbit.prod.internal:5672/orders\n`],
  ['redis.py', () => `REDIS_URL = "redis://default:${password()}@cache.prod.internal:6379/0"\n`],
  ['rediss-compose.yml', () => `services:\n  worker:\n    environment:\n      - CACHE_URL=rediss://app:${password()}@cache.prod.internal:6380\n`],
  ['nats.go', () => `nc, _ := nats.Connect("nats://svc:${password()}@nats.prod.internal:4222")\n`],
  ['ldap.properties', () => `ldap.url=ldaps://cn=bind,dc=corp:${password()}@ldap.prod.internal:636\n`],
  ['smtp.ts', () => `const transport = createTransport('smtp://mailer:${password()}@smtp.prod.internal:587');\n`],
  ['git-clone.sh', () => `git clone https://ci-bot:${password()}@git.prod.internal/platform/infra.git\n`],
  ['jdbc.properties', () => `db.url=jdbc:sqlserver://db.prod.internal:1433;databaseName=app;user=app;password=${password()};\n`],
  [
    'odbc.json',
    () =>
      JSON.stringify({ ConnectionStrings: { Db: `Driver={ODBC Driver 18 for SQL Server};Server=db.prod.internal;Uid=app;Pwd=${password()};` } }, null, 2) +
      '\n',
  ],
  ['curl.sh', () => `curl -u admin:${password()} -X POST https://nexus.prod.internal/service/rest/v1/script\n`],
  ['basic.http', () => `GET https://api.prod.internal/v1/items\nAuthorization: Basic ${Buffer.from(`svc:${password()}`).toString('base64')}\n`],
  ['bearer.py', () => `headers = {"Authorization": "Bearer ${fake(40)}"}\n`],
  ['.gitlab-ci.yml', () => `deploy:\n  script:\n    - curl --user deployer:${password()} https://artifacts.prod.internal/upload\n`],
];
for (const [file, make] of URLS) positive(`url-credentials/${file}`, 'url-credentials', make());

// ---- jwt -------------------------------------------------------------------------------------------------------
const jwt = () =>
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: `svc-${rand(6)}`, iat: 1700000000 + randomInt(1e7), role: 'admin' })}.${rand(43, URLSAFE)}`;
const JWTS = [
  ['api.ts', (t) => `const token = '${t}';\nfetch(url, { headers: { Authorization: \`Bearer \${token}\` } });\n`],
  ['config.yaml', (t) => `client:\n  service_token: ${t}\n`],
  ['call.sh', (t) => `curl -H "Authorization: Bearer ${t}" https://api.prod.internal/v1/me\n`],
  ['fixture.json', (t) => JSON.stringify({ user: 'ops', session: t }, null, 2) + '\n'],
  ['client.py', (t) => `session.headers["X-Auth"] = "${t}"\n`],
];
for (const [file, make] of JWTS) positive(`jwt/${file}`, 'jwt', make(jwt()));

// ---- private keys split across string literals, or escaped ----------------------------------------------------
const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
const pemLines = pem.trim().split('\n');
const KEYS = [
  ['key.js', `const key =\n${pemLines.map((l) => `  "${l}\\n"`).join(' +\n')};\n`],
  ['Key.java', `String key = "${pemLines[0]}\\n"\n    + "${pemLines.slice(1).join('\\n"\n    + "')}";\n`],
  ['key.py', `KEY = (\n${pemLines.map((l) => `    "${l}\\n"`).join('\n')}\n)\n`],
  ['key.go', `const key = "${pemLines[0]}\\n" +\n\t"${pemLines.slice(1).join('\\n" +\n\t"')}"\n`],
  ['key.php', `$key = '${pemLines[0]}' .\n  '${pemLines.slice(1).join("' .\n  '")}';\n`],
  ['nested.json', JSON.stringify({ config: JSON.stringify({ private_key: pem }) }) + '\n'],
];
for (const [file, content] of KEYS) positive(`private-key/${file}`, 'private-key', content);

// ---- azure-storage ---------------------------------------------------------------------------------------------
const accountKey = () => b64(64);
const AZURE = [
  [
    'appsettings.json',
    () =>
      JSON.stringify({ Storage: `DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey=${accountKey()};EndpointSuffix=core.windows.net` }, null, 2) +
      '\n',
  ],
  ['Storage.cs', () => `var conn = "DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey=${accountKey()};EndpointSuffix=core.windows.net";\n`],
  [
    'upload.sh',
    () =>
      `az storage blob upload --file a.zip --blob-url "https://prodacct.blob.core.windows.net/c/a.zip?sv=2022-11-02&ss=b&srt=o&sp=rw&se=2030-01-01T00:00:00Z&sig=${encodeURIComponent(b64(32))}"\n`,
  ],
  ['bus.env', () => `SERVICEBUS=Endpoint=sb://prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${b64(32)}\n`],
];
for (const [file, make] of AZURE) positive(`azure-storage/${file}`, 'azure-storage', make());

// ---- kubernetes-secret -----------------------------------------------------------------------------------------
const k8s = (body) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\n  namespace: prod\ntype: Opaque\n${body}`;
const K8S = [
  ['db-secret.yaml', k8s(`data:\n  username: ${Buffer.from('app').toString('base64')}\n  password: ${Buffer.from(password()).toString('base64')}\n`)],
  ['api-secret.yaml', k8s(`stringData:\n  API_TOKEN: ${secretToken()}\n`)],
  ['bundle.yaml', `apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n---\n${k8s(`data:\n  tls.key: ${b64(48)}\n`)}`],
  ['secret.json', JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app' }, data: { token: b64(30) } }, null, 2) + '\n'],
];
for (const [file, content] of K8S) positive(`kubernetes-secret/${file}`, 'kubernetes-secret', content);

// ---- hard negatives --------------------------------------------------------------------------------------------
const publicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' });
negative(
  'placeholders.env.example',
  'DB_PASSWORD=changeme\nAPI_KEY=<your-api-key>\nSECRET_KEY=your_secret_key_here\nTOKEN=xxxxxxxxxxxxxxxxxxxxxxxx\nSTRIPE_WEBHOOK_SECRET=whsec_...\nGITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nREDIS_URL=redis://:<password>@localhost:6379\n',
);
negative(
  'settings.py',
  'import os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\nDB_PASSWORD = os.getenv("DB_PASSWORD", "")\nAPI_TOKEN = settings.API_TOKEN\npassword_validators = ["min_length"]\n',
);
negative(
  'client.ts',
  'export const config = {\n  apiKey: process.env.API_KEY,\n  password: getPassword(),\n  tokenUrl: "https://auth.internal/oauth/token",\n  secretName: "db-credentials",\n};\nif (password === "") throw new Error("password required");\n',
);
negative(
  'values.yaml',
  'auth:\n  password: "{{ .Values.global.password }}"\n  existingSecret: db-credentials\n  secretKeys:\n    adminPasswordKey: admin-password\ntoken: ${API_TOKEN}\nsecret_key_ref: app-secret\n',
);
negative(
  '.github/workflows/ci.yml',
  'jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n      DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "$NPM_TOKEN" | docker login -u ci --password-stdin\n',
);
negative(
  '.gitlab-ci.yml',
  'variables:\n  DOCKER_AUTH_CONFIG: $DOCKER_AUTH\n  POSTGRES_PASSWORD: $CI_DB_PASSWORD\n\nbuild:\n  script:\n    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" $CI_REGISTRY\n',
);
negative(
  'docs/aws.md',
  '# AWS setup\n\n```ini\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```\n',
);
negative(
  'docs/jwt.md',
  `Example token from jwt.io:\n\n    ${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n`,
);
negative(
  'docs/urls.md',
  'Connect with `amqp://guest:guest@localhost:5672/` or `redis://user:password@redis.example.com:6379`.\nUse `postgres://USER:PASSWORD@HOST/db` and `curl -u "$USER:$TOKEN" https://api.example.com`.\nHeaders: `Authorization: Bearer <token>` or `Authorization: Basic <credentials>`.\n',
);
negative('checksums.yaml', Array.from({ length: 30 }, (_, i) => `artifact-${i}:\n  sha256: ${hex(64)}\n  commit: ${hex(40)}\n  md5: ${hex(32)}\n`).join(''));
negative(
  'keys.yaml',
  `public_key: |\n${publicKey
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\nssh_public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(32).slice(0, 43)} ops@host\nkey_id: ${hex(40)}\n`,
);
negative(
  'ids.json',
  JSON.stringify(
    Array.from({ length: 40 }, () => ({
      id: randomUUID(),
      request_id: rand(26, UPPER),
      trace_id: hex(32),
      span_id: hex(16),
      etag: hex(32),
      commit_sha: hex(40),
    })),
    null,
    2,
  ) + '\n',
);
negative('styles.css', `.hero { background: url("data:image/png;base64,${b64(900)}"); }\n`);
negative(
  'k8s/deployment.yaml',
  'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n',
);
negative('k8s/secret-template.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${DB_PASSWORD}\n  username: changeme\n');
negative(
  'k8s/sealed.yaml',
  `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: ${b64(200)}\n`,
);
negative('Dockerfile', 'FROM postgres:16\nARG DB_PASSWORD\nENV POSTGRES_PASSWORD=${DB_PASSWORD}\nRUN --mount=type=secret,id=token cat /run/secrets/token\n');
negative(
  'backup.sh',
  '#!/bin/sh\nmysql -u root -p shop < dump.sql\nmysqldump -u "$DB_USER" -p"$DB_PASSWORD" shop > shop.sql\nexport API_TOKEN=$(vault kv get -field=token secret/api)\n',
);
negative(
  'Auth.java',
  'class Auth {\n  static final String PASSWORD_PARAM = "password";\n  static final String TOKEN_HEADER = "X-Auth-Token";\n  static final String SECRET_ALGORITHM = "HmacSHA256";\n  String password = request.getParameter("password");\n}\n',
);
negative(
  'i18n/en.json',
  JSON.stringify({ password: 'Password', passwordHint: 'At least 8 characters', token: 'Access token', secret: 'Enter your secret' }, null, 2) + '\n',
);
negative(
  'main.go',
  'package main\n\nvar tokenRegex = regexp.MustCompile(`^ghp_[A-Za-z0-9]{36}$`)\nconst passwordMinLength = 12\nfunc token() string { return os.Getenv("TOKEN") }\n',
);
negative('uuids.txt', Array.from({ length: 50 }, () => randomUUID()).join('\n') + '\n');
negative('random-identifiers.ts', Array.from({ length: 30 }, (_, i) => `export const ID_${i} = '${rand(24)}';`).join('\n') + '\n');
negative(
  'azure.md',
  'Set `AccountKey=<storage-account-key>` and append `?sv=2022-11-02&sig=<signature>` to the URL.\nThe emulator uses `UseDevelopmentStorage=true`.\n',
);

// ---- seen on real sops repositories (issue 14): references, names and placeholders under credential names ---------
const REAL_SHAPED_NEGATIVES = {
  'scripts/sync.sh':
    // secrets-guard-allow: a hard negative (an escaped reference) as the JavaScript source has to write it
    'onepassword_vault="${OPENBAO_1PASSWORD_VAULT:-Kubernetes}"\nssh -i "${KANIDM_SSH_KEY:-$HOME/.ssh/id_ed25519}" root@kanidm\n: "${B2_APPLICATION_KEY:?B2_APPLICATION_KEY is required}"\njq \'{RADARR_API_KEY: (.data.RADARR__AUTH__APIKEY | @base64d)}\'\nkopia repository connect --password="\\$KOPIA_PASSWORD"\nzenity --password --text="Authentication failed"\n',
  'k8s/externalsecret.yaml':
    'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nspec:\n  data:\n    - secretKey: B2_KOPIA_ACCESS_KEY_ID\n    - secretKey: RADARR_4K_API_KEY\n    - secretKey: ZIGBEE2MQTT_CONFIG_ADVANCED_PAN_ID\n',
  'k8s/db-settings-secret.yaml':
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-settings\nstringData:\n  hostname: postgres-rw.database.svc\n  port: "5432"\n  username: admin\n  volumeHandle: "0001-0024-407036f5-1f73-44ff-ba81-1f219b7a8a64-000000000000000b"\n  password: ${DB_PASSWORD}\n',
  'tests/integration/vars.yml':
    'password: MySecretPassword\nroot_pass: passw0rd\nuser_password: Test123\nadmin_password: "PASSW0RD=21"\ndkms_mok_password: "ChangeMe-Temporary-MOK-Pass"\nsecretkey: VGVzdFNlY3JldDE=\napi_key: ABC123abc123ABC123abc123ABC123ab\n',
  'hosts/workstation.nix':
    '{\n  programs.git.signingKey = "2CEA90502F6F3637";\n  services.restic.passwordSecret = "restic/nas-0-password";\n  ipv6AcceptRAConfig.Token = "::521a:c5ff:fefe:65d9";\n  vm_password = local.secrets.vm_password;\n}\n',
};
for (const [rel, content] of Object.entries(REAL_SHAPED_NEGATIVES)) negative(rel, content);
positive('generic-credential/20-run.sh', 'generic-credential', `#!/bin/sh\nDB_PASS="\${DB_PASS:-${password()}}"\nexec app --db-pass "$DB_PASS"\n`);
positive(
  'kubernetes-secret/app-config-secret.yaml',
  'kubernetes-secret',
  k8s(`stringData:\n  config.yaml: |\n    log_level: info\n    database:\n      password: ${password()}\n`),
);

const path = join(ROOT, 'labels.json');
const all = JSON.parse(readFileSync(path, 'utf8'));
for (const key of Object.keys(all.positives)) if (key.startsWith('positives/detection/')) delete all.positives[key];
Object.assign(all.positives, labels);
writeFileSync(path, JSON.stringify(all, null, 2) + '\n');
console.log(`wrote ${Object.keys(labels).length} detection positives`);
