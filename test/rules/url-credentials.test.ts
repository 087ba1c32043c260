import { rule } from '../../rules/url-credentials.js';
import { randomChars } from '../helpers/fake-tokens.js';
import { testRule } from '../helpers/rule-tester.js';

const pw = 'Fk' + randomChars(14, 21) + '9';
const token = randomChars(40, 22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const basic = Buffer.from(`deploy:${pw}`).toString('base64');

testRule(rule, {
  valid: [
    {
      name: 'URLs without a password, or with an interpolation or a placeholder',
      path: 'a.yaml',
      content:
        'broker: amqp://rabbit.internal:5672\nredis: redis://:${REDIS_PASSWORD}@cache:6379/0\nsmtp: smtp://user:<password>@mail.internal\nnats: nats://nats:changeme@nats:4222\n',
    },
    {
      name: 'documentation hosts and user equal to password',
      path: 'README.md',
      content: `amqp://guest:guest@localhost:5672/\nredis://admin:${pw}@redis.example.com\nldap://cn=admin:${pw}@ldap.test\n`,
    },
    {
      name: 'keyword arguments in code, a variable for the password',
      path: 'mssql_db.py',
      content: "conn = pymssql.connect(user=login_user, password=login_password, host=login_host, database='master')\n",
    },
    {
      name: 'a connection string without a password literal',
      path: 'a.json',
      content: '{"Db": "Server=db;Database=app;User Id=app;Password=${DB_PASSWORD};"}',
    },
    { name: 'Password= outside a connection string', path: 'a.txt', content: `Password=${pw}\n` },
    { name: 'curl with a variable', path: 'a.sh', content: 'curl -u "$USER:$PASS" https://api.internal\ncurl --user admin:$ADMIN_PASSWORD https://x\n' },
    {
      name: 'Bearer with a variable or a placeholder',
      path: 'a.sh',
      content:
        'curl -H "Authorization: Bearer $TOKEN" https://x\ncurl -H "Authorization: Bearer <your-access-token-here>"\nheaders = {"Authorization": "Bearer " + token}\n',
    },
    { name: 'the word Basic', path: 'a.md', content: 'Basic Authentication is supported; Basic auth headers are base64.\n' },
  ],
  invalid: [
    {
      name: 'amqp, rediss, nats, ldap, smtp, mongodb+srv',
      path: 'config/app.yaml',
      content: [
        `amqp: amqp://app:${pw}@rabbit.internal:5672/vhost`,
        `cache: rediss://default:${pw}@cache.internal:6380`,
        `nats: nats://svc:${pw}@nats.internal:4222`,
        `ldap: ldaps://cn=bind:${pw}@ldap.internal`,
        `mail: smtp://mailer:${pw}@smtp.internal:587`,
        `mongo: mongodb+srv://root:${pw}@cluster0.internal/db`,
      ].join('\n'),
      errors: [1, 2, 3, 4, 5, 6].map((line) => ({ line, message: '://' })),
    },
    {
      name: 'https with a password in a script',
      path: 'deploy.sh',
      content: `git clone https://ci:${pw}@git.internal/org/repo.git\n`,
      errors: [{ line: 1, column: 22 }],
    },
    {
      name: 'JDBC ;password=',
      path: 'db.properties',
      content: `url=jdbc:sqlserver://db.internal:1433;databaseName=app;user=app;password=${pw};\n`,
      errors: [{ line: 1, message: 'connection string' }],
    },
    {
      name: 'ODBC Pwd=',
      path: 'appsettings.json',
      content: `{"ConnectionStrings": {"Db": "Driver={ODBC Driver 18};Server=db;Uid=app;Pwd=${pw};"}}\n`,
      errors: [{ line: 1 }],
    },
    { name: 'curl -u', path: 'ci.sh', content: `curl -u admin:${pw} https://nexus.internal/repository/\n`, errors: [{ line: 1, message: 'curl -u' }] },
    { name: 'Authorization: Basic', path: 'api.http', content: `GET /v1/items\nAuthorization: Basic ${basic}\n`, errors: [{ line: 2, message: 'Basic' }] },
    { name: 'Authorization: Bearer', path: 'client.py', content: `headers = {"Authorization": "Bearer ${token}"}\n`, errors: [{ line: 1, message: 'Bearer' }] },
  ],
});
