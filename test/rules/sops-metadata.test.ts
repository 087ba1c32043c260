import { rule } from '../../rules/sops-metadata.js';
import { corpusCases, corpusFile } from '../helpers/sops-corpus.js';
import { enc, jsonMetadata, yamlMetadata } from '../helpers/sops-samples.js';
import { testRule } from '../helpers/rule-tester.js';

const NO_MAC = 'getsops-sops/functional-tests/res/no_mac.yaml';
const example = corpusFile('getsops-sops/example.yaml');
const withoutMac = example.replace(/\n {4}mac: ENC\[[^\n]*/, '');
const userLine = example.split('\n').find((l) => l.includes('user: ENC['))!;
const truncatedIv = example.replace(
  userLine,
  userLine.replace(/iv:([^,]*)=,/, (_m, iv: string) => `iv:${iv.slice(0, 20)},`),
);
const shortTag = example.replace(userLine, userLine.replace(/tag:[^,]*,/, 'tag:AAAAAAAAAAAA,'));
const unknownType = example.replace(userLine, userLine.replace('type:str]', 'type:json]'));
const envFile = corpusFile('getsops-sops/functional-tests/res/format.enc.env');
const iniFile = corpusFile('getsops-sops/example.ini');

testRule(rule, {
  valid: [
    ...corpusCases([NO_MAC]),
    { name: 'plain files', path: 'values.yaml', content: 'a: 1\n' },
    {
      name: 'key_groups instead of flat key lists',
      path: 'g.json',
      content: `{"a": "${enc()}", "sops": ${JSON.stringify({ ...jsonMetadata(), age: undefined, key_groups: [{ age: jsonMetadata()['age'] }] })}}`,
    },
    // A sops file that no longer parses holds no metadata anyone can read: outside a creation rule it is not a sops
    // file (the detectors judge it as text); inside one, sops-unencrypted-file reports it.
    {
      name: 'an encrypted file that no longer parses (duplicate key), not covered by a rule',
      path: 's.yaml',
      content: `a: ${enc()}\na: ${enc()}\n${yamlMetadata()}`,
    },
    { name: 'a Helm setting named sops is not metadata', path: 'values.yaml', content: 'replicas: 2\nsops: {enabled: true}\n' },
  ],
  invalid: [
    { name: 'no_mac.yaml from the sops repository', path: NO_MAC, content: corpusFile(NO_MAC), errors: [{ line: 2, message: 'no `mac`' }] },
    { name: 'mac removed (example.yaml)', path: 'example.yaml', content: withoutMac, errors: [{ line: 33, message: 'no `mac`' }] },
    {
      name: 'IV truncated',
      path: 'example.yaml',
      content: truncatedIv,
      errors: [{ line: 4, message: /malformed ENC value at app2\.db\.user: iv is (15|14) bytes/ }],
    },
    { name: 'tag of the wrong length', path: 'example.yaml', content: shortTag, errors: [{ line: 4, message: 'tag is 9 bytes' }] },
    { name: 'unknown type', path: 'example.yaml', content: unknownType, errors: [{ line: 4, message: 'unknown type "json"' }] },
    { name: 'dotenv without version', path: 'format.enc.env', content: envFile.replace(/sops_version=.*\n?/, ''), errors: [{ message: 'no `version`' }] },
    {
      name: 'INI with a bad lastmodified',
      path: 'example.ini',
      content: iniFile.replace('lastmodified                = 2019-12-10T22:45:52Z', 'lastmodified = yesterday'),
      errors: [{ message: '`sops.lastmodified` is not an RFC 3339 timestamp: sops refuses to load the file (line 24)' }],
    },
    {
      name: 'no master key, two selection settings, mac of the wrong type',
      path: 'x.yaml',
      content: `a: ${enc()}\nsops:\n  lastmodified: "2025-01-01T00:00:00Z"\n  mac: ${enc('int')}\n  encrypted_regex: ^data$\n  unencrypted_suffix: _plain\n  version: 3.10.2\n`,
      errors: [
        { line: 2, message: 'no master key' },
        { line: 2, message: 'type:str' },
        { message: 'more than one selection setting (unencrypted_suffix, encrypted_regex)' },
      ],
    },
    {
      name: 'malformed encrypted comment',
      path: 'c.yaml',
      content: `#ENC[AES256_GCM,data:QQ==,iv:short,tag:x,type:comment]\na: ${enc()}\n${yamlMetadata()}`,
      errors: [{ line: 1, message: 'malformed ENC comment at (top level)' }],
    },
  ],
});
