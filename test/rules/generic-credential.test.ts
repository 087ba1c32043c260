import { rule } from '../../rules/generic-credential.js';
import { randomChars } from '../helpers/fake-tokens.js';
import { testRule } from '../helpers/rule-tester.js';

const token = randomChars(32, 11);
const b64 = randomChars(40, 12, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const password = 'Tr0ub4dor&' + randomChars(4, 13);
const one = [{ line: 1 }];

testRule(rule, {
  valid: [
    {
      name: 'Python: read from the environment',
      path: 'settings.py',
      content: 'SECRET_KEY = os.environ["SECRET_KEY"]\npassword = os.getenv("DB_PASSWORD", "")\n',
    },
    {
      name: 'JS: a reference and an unquoted expression',
      path: 'a.ts',
      content: 'const apiKey = config.apiKey;\nconst token = process.env.TOKEN;\nconst password = getPassword();\n',
    },
    // Seen on real sops-nix and Terraform repositories: references, settings and flags under credential-like names.
    {
      name: 'Terraform: an unquoted value is an expression (a resource attribute)',
      path: 'passwords.tf',
      content: 'resource "x" "y" {\n  password = random_password.rathole_ad_hoc_token.result\n}\n',
    },
    {
      name: 'Nix: where a password is kept, whether one is needed, an IPv6 token',
      path: 'configuration.nix',
      content:
        '{\n  passwordFile = config.sops.secrets.keycloak_db_password.path;\n  security.sudo.wheelNeedsPassword = false;\n  IPv6Token = "::fd87:20d6:a932:6605";\n}\n',
    },
    {
      name: 'a --no-... flag is not an assignment of a password',
      path: 'install.sh',
      content: 'nixos-install --no-root-passwd --no-channel-copy --root /mnt\n',
    },
    { name: 'a comparison is not an assignment', path: 'a.js', content: `if (password == "${password}") {}\nif (token === '${token}') {}\n` },
    {
      name: 'YAML: interpolations and Helm templates',
      path: 'values.yaml',
      content: 'password: ${DB_PASSWORD}\ntoken: "{{ .Values.token }}"\napi_key: !vault |\nsecret: ENC[AES256_GCM,data:abc,type:str]\n',
    },
    {
      name: 'GitHub Actions secrets',
      path: '.github/workflows/ci.yml',
      content: 'env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n  password: ${{ secrets.PASSWORD }}\n',
    },
    {
      name: 'placeholders',
      path: '.env.example',
      content: 'PASSWORD=changeme\nAPI_KEY=<your-api-key>\nSECRET=your_secret_here\nTOKEN=xxxxxxxxxxxxxxxxxxxxxxxx\n',
    },
    {
      name: 'names about the credential',
      path: 'c.yaml',
      content: `password_field: passwd1!\ntoken_endpoint: https://auth.example.com/token\nsecretKeyRef: db-pass-2\npassword_min_length: 12\nkey_id: ${token}\n`,
    },
    {
      name: 'words, settings, paths and numbers',
      path: 'c.yaml',
      content:
        'password: postgres\nauth: basic\ntoken_algorithm: HS256\njwt_secret: HS256\nprivate_key: /etc/ssl/private/server.key\nsecret_file: ./secrets/db.txt\npassword: 123456\n',
    },
    { name: 'key or auth alone', path: 'c.json', content: `{"key": "${token}", "auth": "${token}"}` },
    { name: 'a public key', path: 'c.yaml', content: `public_key: ${b64}\n` },
    { name: 'a sentence in a translation file', path: 'en.json', content: '{"password": "Enter your password (8+ chars)"}' },
    { name: 'a token too short and too plain to be one', path: 'a.py', content: 'token = "abc123"\n' },
    { name: 'mysql -p alone prompts; -P is the port', path: 'db.sh', content: 'mysql -u root -p mydb\nmysql -h db -P 3306 -u app -p"$MYSQL_PWD"\n' },
    { name: 'a dotted reference in a config', path: 'app.yaml', content: 'token: secrets.githubToken\n' },
    { name: 'a lockfile', path: 'yarn.lock', content: `token "${token}"\n` },
    { name: 'names without values: the next name, or nothing, is no value', path: 'run.sh', content: 'password= password= password= \napi_key=\n' },
  ],
  invalid: [
    { name: 'Python', path: 'app/settings.py', content: `SECRET_KEY = "${b64}"\n`, errors: [{ line: 1, message: 'Secret assigned to `SECRET_KEY`' }] },
    { name: 'JS object', path: 'src/client.js', content: `const client = new Client({\n  apiKey: '${token}',\n});\n`, errors: [{ line: 2, column: 12 }] },
    {
      name: 'TS password',
      path: 'src/db.ts',
      content: `export const dbPassword = "${password}";\n`,
      errors: [{ line: 1, message: 'Password assigned to `dbPassword`' }],
    },
    {
      name: 'Go struct and :=',
      path: 'main.go',
      content: `cfg := Config{\n\tPassword: "${password}",\n}\napiToken := "${token}"\n`,
      errors: [{ line: 2 }, { line: 4 }],
    },
    { name: 'Java constant', path: 'App.java', content: `private static final String CLIENT_SECRET = "${token}";\n`, errors: one },
    { name: 'PHP hash rocket', path: 'config.php', content: `'password' => '${password}',\n`, errors: one },
    {
      name: 'YAML unquoted',
      path: 'docker-compose.yml',
      content: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${password}\n`,
      errors: [{ line: 4 }],
    },
    { name: 'JSON', path: 'appsettings.json', content: `{\n  "ClientSecret": "${token}"\n}\n`, errors: [{ line: 2 }] },
    { name: 'TOML', path: 'config.toml', content: `[database]\npassword = "${password}"\n`, errors: [{ line: 2 }] },
    { name: 'INI and properties', path: 'app.properties', content: `spring.datasource.password=${password}\n`, errors: one },
    { name: '.env', path: 'prod.env', content: `STRIPE_SECRET=${token}\n`, errors: one },
    { name: 'shell export', path: 'deploy.sh', content: `export API_TOKEN=${token}\n`, errors: one },
    {
      name: 'Dockerfile ENV in both forms',
      path: 'Dockerfile',
      content: `ENV DB_PASSWORD ${password}\nENV API_KEY=${token}\n`,
      errors: [{ line: 1 }, { line: 2 }],
    },
    {
      name: 'command-line flag',
      path: 'run.sh',
      content: `vault login --password=${password}\ncli --api-token ${token}\n`,
      errors: [{ line: 1 }, { line: 2 }],
    },
    { name: 'XML element', path: 'settings.xml', content: `<server>\n  <password>${password}</password>\n</server>\n`, errors: [{ line: 2 }] },
    { name: 'mysql -p', path: 'backup.sh', content: `mysqldump -u root -p${password} shop > shop.sql\n`, errors: [{ line: 1, message: '-p' }] },
  ],
});

testRule(rule, {
  valid: [
    {
      name: 'keys of maps, tables and buckets',
      path: 'main.tf',
      content: `first_key = "9E858021-953F-4DD3-8842-F2C782780422"\nsort_key = "${token}"\nlogKeyBucket = "tf_backend.s3.bucket"\n`,
    },
    { name: 'a counting documentation example', path: 'prometheus.yml', content: 'access_key: A1B2C3D4E5F6G7H8I9J0\nsecret_key: abcdef1234567890\n' },
  ],
  invalid: [{ name: 'qualified keys', path: 'a.yaml', content: `signing_key: ${token}\nencryptionKey: ${b64}\n`, errors: [{ line: 1 }, { line: 2 }] }],
});

testRule(rule, {
  valid: [
    { name: 'a token made of words and a short number', path: 'prod.secret.yaml', content: 'token: plaintext-token-456\napi_key: serviceKey2024Production\n' },
  ],
  invalid: [{ name: 'a random token with words in it', path: 'prod.secret.yaml', content: `token: prod-${token}\n`, errors: [{ line: 1 }] }],
});

// Shapes seen on the real sops repositories of `npm run eval` (values changed), and what must still fire around them.
testRule(rule, {
  valid: [
    {
      name: 'shell expansions: a reference default, an error message, an empty default',
      path: 'sync.sh',
      content:
        'onepassword_vault="${OPENBAO_1PASSWORD_VAULT:-Kubernetes}"\nssh -i "${KANIDM_SSH_KEY:-$HOME/.ssh/id_ed25519}"\n: "${B2_APPLICATION_KEY:?B2_APPLICATION_KEY is required}"\n',
    },
    { name: 'a compose default that is a word', path: 'docker-compose.yml', content: 'environment:\n  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-contextdev}\n' },
    {
      name: 'jq filters and an escaped variable',
      path: 'integrations.sh',
      content:
        'jq \'{\n  RADARR_API_KEY: (.data.RADARR__AUTH__APIKEY | @base64d),\n  pkcs12_password: ($pkcs12_password | rtrimstr("\\n")),\n}\'\nkopia connect --password="\\$KOPIA_PASSWORD"\n',
    },
    { name: 'a flag followed by another flag', path: 'pinentry.patch', content: '+  zenity --password --text="Authentication failed. Please try again."\n' },
    {
      name: '1Password, the product',
      path: 'grafana.yaml',
      content: '# authentik is down (1Password: Kubernetes/grafana-admin).\nusage: "[--onepassword-vault VAULT]"\n',
    },
    {
      name: 'an ExternalSecret naming keys',
      path: 'externalsecret.yaml',
      content: '    - secretKey: B2_KOPIA_ACCESS_KEY_ID\n    - secretKey: radarr_4k_RADARR_API_KEY\n    - secretKey: ZIGBEE2MQTT_CONFIG_ADVANCED_PAN_ID\n',
    },
    {
      name: 'a YAML phrase in angle brackets',
      path: 'setup.md',
      content: '#   password: <paste the generated password>\n  nfs-cipher-pass: <generated directly in the trusted terminal>\n',
    },
    {
      name: 'references: Terraform, a store path, an app substitution, LiteLLM, CEL',
      path: 'x.hcl.cold',
      content:
        'vm_password = local.secrets.vm_password\npasswordSecret = "restic/nas-0-password"\npassword: "{FRIGATE_MQTT_PASSWORD}"\nmaster_key: os.environ/LITELLM_MASTER_KEY\nsecret: Object.spec.volumes.secret{\n',
    },
    {
      name: 'a signing key id, a URL parameter, an IPv6 token, a date',
      path: 'home.nix',
      content:
        'signingKey = "2CEA90502F6F3637";\nPAGE_URL="https://shop.example/thanks.html?keyAccount=24441&product=391"\nipv6AcceptRAConfig.Token = "::521a:c5ff:fefe:65d9";\n',
    },
    { name: 'a format string', path: 'ali.py', content: 'client_token = "Ansible-Alicloud-{0}-{1}".format(hash(params), str(time.time()))\n' },
    {
      name: 'an LDAP password hash and a revision date',
      path: 'ldap.yml',
      content: 'userPassword: "{SSHA}tabyipcHzhwESzRaGA7oQ/SDoBZQOGND"\n"passwordRevisionDate": "2022-07-26T23:03:23.399Z"\n',
    },
    {
      name: 'passwords spelled out of placeholder words',
      path: 'tests/main.yml',
      content:
        'password: MySecretPassword\nroot_pass: passw0rd\npassword: "PASSW0RD=21"\nuser_password: Test123\npassword: different_pa$$w0rd\npassword: myreallysecurepassword1!\ndkms_mok_password: "ChangeMe-Temporary-MOK-Pass"\npassword: PBSPassword1\nurl_password: "a_secret"\npassword_in: mpass2\n',
    },
    {
      name: 'base64 of a placeholder, a repeated unit, a counting token after a prefix',
      path: 'test_x.yml',
      content: "secretkey: 'VGVzdFNlY3JldDE='\napi_key: \"ABC123abc123ABC123abc123ABC123ab\"\ntoken: 'xoxa-123456789abcdef'\n",
    },
  ],
  invalid: [
    {
      name: 'a chosen password is no placeholder for having a word of one',
      path: 'deploy.sh',
      content: 'PASSWORD="hunter2-real"\nPASSWORD="Summer2024!"\n',
      errors: [{ line: 1 }, { line: 2 }],
    },
    {
      name: 'a literal default of a shell expansion',
      path: 'run.sh',
      content: `DB_PASS="\${DB_PASS:-${password}}"\nAPI_TOKEN=\${API_TOKEN:=${token}}\n`,
      errors: [
        { line: 1, message: 'DB_PASS' },
        { line: 2, message: 'API_TOKEN' },
      ],
    },
    {
      name: 'a YAML value with a comment, a 1Password token, a kubeconfig key',
      path: 'c.yaml',
      content: `password: ${password} # rotate me\nOP_1PASSWORD_TOKEN: ${token}\nclient-key-data: ${b64}\n`,
      errors: [{ line: 1 }, { line: 2 }, { line: 3 }],
    },
    { name: 'base64 of a real password', path: 'c.yaml', content: `password: ${Buffer.from(password).toString('base64')}\n`, errors: [{ line: 1 }] },
    {
      name: 'a token with word parts around a random one',
      path: 'c.yaml',
      content: `secret_key: live_key_4eC39HqLyjWD\ntoken: PROD_API_K9X2M7Q4Z\n`,
      errors: [{ line: 1 }, { line: 2 }],
    },
    { name: 'a quoted flag value that starts with a dash', path: 'run.sh', content: `login --password "-${password}"\n`, errors: [{ line: 1 }] },
    {
      name: 'a value after names without values, on their line',
      path: 'run.sh',
      content: `password= password= password=${password} password= \ntoken=password=${password}\n`,
      errors: [{ line: 1 }, { line: 2 }],
    },
  ],
});
