import { rule } from '../../rules/plaintext-env-file.js';
import { testRule } from '../helpers/rule-tester.js';
import { dotenvMetadata, enc } from '../helpers/sops-samples.js';

const SOPS_DOTENV = `API_KEY=${enc()}\n${dotenvMetadata()}`;
/** sops lines without a master key: sops refuses it ("No keys found in file"), so it is not a sops file. */
const KEYLESS_DOTENV = `API_KEY=${enc()}\n${dotenvMetadata()
  .split('\n')
  .filter((l) => !l.startsWith('sops_age'))
  .join('\n')}`;

testRule(rule, {
  valid: [
    { path: '.env', content: '# nothing yet\n\nAPI_KEY=\nOTHER=""\n' },
    { path: 'app/.env.enc', content: SOPS_DOTENV, name: 'sops-encrypted dotenv under .env.enc' },
    { path: 'app/.env.example', content: 'DB_PASSWORD=changeme\nAPI_TOKEN=<your-token>\nPORT=3000\nDEBUG=true\n' },
    { path: '.env.sample', content: 'STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}\nSECRET=your-secret-here\n' },
    { path: '.env.template', content: 'export TOKEN=""\n' },
    { path: 'config/.env.dist', content: 'DATABASE_PASSWORD=xxxxxxxx\n' },
    {
      name: 'template values that are a known prefix and an ellipsis, or placeholder words',
      path: '.env.example',
      content: 'STRIPE_WEBHOOK_SECRET=whsec_...\nSLACK_BOT_TOKEN=xoxb-xxxx...\nGITLAB_TOKEN=glpat-XXXX...\nSOPS_AGE_KEY=ignored\n',
    },
    { path: 'src/environment.ts', content: 'API_KEY=abc\n', name: 'not an env file name' },
    {
      name: 'a docker-compose template with local-development defaults (plain words)',
      path: 'tmp/ai-context-platform/.env.example',
      content:
        'POSTGRES_DB=context_platform\nPOSTGRES_USER=context\nPOSTGRES_PASSWORD=contextdev\nPOSTGRES_PORT=5432\nMINIO_ROOT_USER=minioadmin\nMINIO_ROOT_PASSWORD=minioadmin\n',
    },
    { path: 'web/ui/react-app/.env', content: '# relative links in the bundle\nPUBLIC_URL=.\n', name: 'a build setting: a path' },
    {
      name: "settings and a placeholder licence key (New Relic's nrconfig.env)",
      path: 'newrelic/nrconfig.env',
      content:
        'export NRIA_LICENSE_KEY=REPLACE_LICENSE_KEY_HERE\nexport NRIA_VERBOSE=0\nexport NRIA_LOG_FILE=/var/log/nr-infra.log\nexport NRSYSMOND_loglevel=debug\n',
    },
    {
      name: 'numbers, booleans, hosts, URLs without credentials, words, references',
      path: '.env',
      content:
        'NODE_ENV=production\nPORT=3000\nDEBUG=false\nTIMEOUT=30s\nAPI_BASE=https://api.example.com/v2/items\nDB_HOST=db.internal:5432\nTZ=Europe/Berlin\nLANG=en_US.UTF-8\nHOME_DIR=${HOME}/app\nMAIL_FROM=noreply@example.com\nAPP_NAME="My App"\n',
    },
    { path: '.env', content: 'DB_PASSWORD=changeme\nAPI_TOKEN=<your-token>\nSECRET=${SECRET}\nLOG_LEVEL=info\n', name: 'placeholders and empty values only' },
  ],
  invalid: [
    {
      path: '.env',
      content: 'PORT=3000\nDB_PASSWORD=postgres\n',
      name: 'a plain word as a password in a real .env',
      errors: [{ line: 1, message: 'DB_PASSWORD' }],
    },
    { path: '.env', content: 'DEBUG=true\nAPI_KEY=abc123def\n', name: 'a short key under a credential name', errors: [{ line: 1, message: 'API_KEY' }] },
    { path: '.env', content: 'MY_SETTING=Xk9#mQ2$vL8p\n', name: 'a random-looking value under any name', errors: [{ line: 1, message: 'MY_SETTING' }] },
    { path: 'app/.env', content: 'MODE=prod\nSEED=XkQmLvPpRtWz\n', name: 'mixed-case letters under any name', errors: [{ line: 1, message: 'SEED' }] },
    {
      path: 'app/.env',
      content: 'MODE=prod\nSEED=qxvhmzkrtplwnbgd\n',
      name: 'random lower-case letters under any name',
      errors: [{ line: 1, message: 'SEED' }],
    },
    {
      path: 'app/.env',
      content: 'HOOK=https://hooks.slack.com/services/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\n',
      name: 'a secret in a URL path',
      errors: [{ line: 1 }],
    },
    { path: 'app/.env', content: 'QUEUE=amqp://app:s3cret@queue.internal\n', name: 'a password in a URL', errors: [{ line: 1 }] },
    { path: 'app/.env', content: 'FEED=https://example.com/feed?sig=abcdef\n', name: 'a URL with a query string', errors: [{ line: 1 }] },
    { path: 'app/.env', content: 'OPTS=${DB_PASS:-Zk8q9pLw2mX}\n', name: 'a default after a reference', errors: [{ line: 1 }] },
    { path: 'app/.env.enc', content: KEYLESS_DOTENV, name: 'sops lines without a master key are not a sops file', errors: [{ line: 1 }] },
    { path: '.env', content: '# local\nDB_PASSWORD=hunter2-prod\n', errors: [{ line: 2, column: 13, message: 'DB_PASSWORD' }] },
    { path: 'svc/.env.production', content: 'export NODE_ENV=production\nAPI_KEY="sk_live_abcdef123456"\n', errors: [{ line: 1, message: '2 value(s)' }] },
    { path: 'deploy/prod.env', content: "TOKEN='abc123def456'\n", errors: [{ line: 1, message: 'TOKEN' }] },
    { path: 'app/.env.enc', content: 'API_KEY=plain-but-named-enc\n', name: '.env.enc without sops metadata', errors: [{ line: 1 }] },
    {
      path: '.env.example',
      content: 'DB_PASSWORD=Zk8#q9pLw2mX\nPORT=3000\n',
      name: 'template with a real-looking secret',
      errors: [{ line: 1, message: 'template' }],
    },
    {
      path: '.env.sample',
      content: 'POSTGRES_PASSWORD=contextdev\nOPENAI_API_KEY=q8Zr2LxT0bWm4NcK7vPs1HdY\n',
      name: 'template: a random key beside a local default',
      errors: [{ line: 2, message: 'OPENAI_API_KEY' }],
    },
    {
      path: '.env.template',
      content: 'SECRET=f3a9c2e7b1d84a6c9e0f5b2a7d3c8e1f\n',
      name: 'template: a hex secret under a vague name',
      errors: [{ line: 1, message: 'SECRET' }],
    },
  ],
});
