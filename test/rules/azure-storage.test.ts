import { rule } from '../../rules/azure-storage.js';
import { randomChars } from '../helpers/fake-tokens.js';
import { testRule } from '../helpers/rule-tester.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const accountKey = randomChars(86, 41, B64) + '==';
const busKey = randomChars(43, 42, B64) + '=';
const sig = encodeURIComponent(randomChars(43, 43, B64) + '=');

testRule(rule, {
  valid: [
    {
      name: 'the storage emulator placeholder and an interpolation',
      path: 'a.json',
      content: '{"Storage": "DefaultEndpointsProtocol=https;AccountName=dev;AccountKey=${STORAGE_KEY};"}\n',
    },
    { name: 'a key too short to be one', path: 'a.txt', content: `AccountKey=${randomChars(40, 44, B64)}==\n` },
    { name: 'sig= outside a SAS URL', path: 'a.txt', content: `https://api.internal/hook?sig=${sig}&t=1\n` },
  ],
  invalid: [
    {
      name: 'a storage connection string',
      path: 'appsettings.json',
      content: `{\n  "Storage": "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${accountKey};EndpointSuffix=core.windows.net"\n}\n`,
      errors: [{ line: 2, message: 'storage account key' }],
    },
    {
      name: 'a Service Bus connection string',
      path: 'local.settings.json',
      content: `"Bus": "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${busKey}"\n`,
      errors: [{ line: 1 }],
    },
    {
      name: 'a SAS URL',
      path: 'upload.sh',
      content: `az storage blob upload --sas "https://acct.blob.core.windows.net/c/f?sv=2022-11-02&ss=b&srt=o&sp=rw&se=2030-01-01T00:00:00Z&sig=${sig}"\n`,
      errors: [{ line: 1, message: 'shared access signature' }],
    },
  ],
});
