import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SopsFileModel, SopsParseFailure } from '../../src/sops/model.js';
import { detectStore, isParseFailure, parseSopsFile, parseStore } from '../../src/sops/stores/index.js';
import { dotenvMetadata, enc, yamlMetadata } from '../helpers/sops-samples.js';

const fixture = (p: string): string => readFileSync(new URL(`../fixtures/sops/${p}`, import.meta.url), 'utf8');

function model(result: SopsFileModel | SopsParseFailure): SopsFileModel {
  if (isParseFailure(result)) throw new Error(`unexpected failure: ${result.error} (line ${result.line})`);
  return result;
}
const aads = (m: SopsFileModel): string[] => m.leaves.map((l) => `${l.isComment ? '#' : ''}${l.path.join(':')}:`);

describe('detectStore', () => {
  it.each([
    ['a/secret.sops.yaml', '', 'yaml'],
    ['x.yml', '', 'yaml'],
    ['c.json', '', 'json'],
    ['.env', '', 'dotenv'],
    ['prod.env', '', 'dotenv'],
    ['s.ini', '', 'ini'],
    ['id_rsa.sops', '', 'binary'],
    ['secret.YAML', 'a: 1', 'binary'],
    ['app/.env.enc', dotenvMetadata(), 'dotenv'],
    ['key.enc', `{"data": "${enc()}", "sops": {"version": "3.8.1"}}`, 'binary'],
    ['values.json.enc', `{"a": "${enc()}", "sops": {"version": "3.8.1"}}`, 'json'],
    ['secret.yaml.enc', `a: ${enc()}\n${yamlMetadata()}`, 'yaml'],
    ['conf.ini.enc', `[db]\npass = ${enc()}\n[sops]\nversion = 3.8.1\n`, 'ini'],
    ['notes.txt', 'we use sops: see docs', 'binary'],
  ])('%s → %s', (path, content, store) => expect(detectStore(path, content)).toBe(store));
});

describe('a sops file of another store under a named extension (sops --input-type)', () => {
  it('YAML under a .json name is parsed as YAML and says which name it hides under', () => {
    const m = model(parseSopsFile('secrets/app.json', fixture('humphd-sops-age/tests/data/secret.enc.yaml')));
    expect(m).toMatchObject({ store: 'yaml', nameStore: 'json' });
    expect(m.metadata?.keys.length).toBe(3);
  });

  it('dotenv under a .yaml name, JSON under a .env name', () => {
    expect(model(parseSopsFile('x.yaml', `A=${enc()}\n${dotenvMetadata()}`))).toMatchObject({ store: 'dotenv', nameStore: 'yaml' });
    expect(model(parseSopsFile('x.env', fixture('getsops-sops/example.json')))).toMatchObject({ store: 'json', nameStore: 'dotenv' });
  });

  it("a file of its own store keeps it; a broken file without another store's metadata stays a failure", () => {
    expect(model(parseSopsFile('example.json', fixture('getsops-sops/example.json')))).not.toHaveProperty('nameStore');
    expect(isParseFailure(parseSopsFile('plain.json', 'a: 1\nb: 2\n'))).toBe(true);
  });
});

describe('YAML store', () => {
  it('example.yaml: AAD paths, list elements without indices, comments judged with their container', () => {
    const m = model(parseSopsFile('example.yaml', fixture('getsops-sops/example.yaml')));
    expect(aads(m).slice(0, 5)).toEqual(['myapp1:', 'app2:db:user:', 'app2:db:password:', '#app2:db:', 'app2:key:']);
    expect(aads(m).filter((a) => a === 'an_array:')).toHaveLength(4);
    expect(m.leaves.filter((l) => l.isComment).map((l) => l.path.join('.'))).toEqual(['app2.db', 'this.is.a.nested', 'this.is.a.nested', 'this.is.a.nested']);
    expect(m.metadata?.keys.map((k) => [k.type, k.id, k.group])).toEqual([
      ['pgp', 'FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4', 0],
      ['pgp', 'D7229043384BCC60326C6FB9D8720D957C3D3074', 0],
    ]);
  });

  it('comments as leaves: head, inline and foot, encrypted `#ENC[...]` text without the hash', () => {
    const src = `# head\na: 1 # inline\nb:\n  # inner head\n  c: x\n  # inner foot\nd: [1, 2]\n#ENC[AES256_GCM,data:QQ==,iv:x,tag:y,type:comment]\n${yamlMetadata()}`;
    const m = model(parseSopsFile('s.yaml', src));
    expect(m.leaves.map((l) => [l.isComment ? 'C' : 'V', l.path.join('.'), l.text])).toEqual([
      ['C', '', ' head'],
      ['C', '', ' inline'],
      ['V', 'a', '1'],
      ['C', 'b', ' inner head'],
      ['V', 'b.c', 'x'],
      ['C', 'b', ' inner foot'],
      ['V', 'd', '1'],
      ['V', 'd', '2'],
      ['C', '', 'ENC[AES256_GCM,data:QQ==,iv:x,tag:y,type:comment]'],
    ]);
    const c = m.leaves[4]!;
    expect(c.commentStack).toEqual([[], [' inner head']]);
    expect(m.leaves[2]!.commentStack).toEqual([[' head', ' inline']]);
    expect(src.slice(m.leaves[1]!.start, m.leaves[1]!.end)).toBe('# inline');
  });

  it('types plain scalars as yaml.v3 and renders macText as Go ToBytes', () => {
    const src = [
      'i: 0x1F',
      'o: 0o17',
      'u: 1_000',
      'old: 017',
      'neg: -42',
      'f: 1.50',
      'e: 1e3',
      'big: 1e21',
      'small: 0.000001',
      'inf: .inf',
      'nan: .NaN',
      'yes: yes',
      'b: True',
      'n: ~',
      'empty:',
      'd: 2025-01-02',
      'ts: 2025-01-02 03:04:05.120',
      'tz: 2025-01-02T03:04:05+02:00',
      'q: "123"',
      'tagged: !!str 5',
      'ver: 3.10',
      '',
    ].join('\n');
    const m = model(parseStore('yaml', src));
    expect(m.leaves.map((l) => `${l.path[0]}=${l.type}:${l.macText ?? '-'}`)).toEqual([
      'i=int:31',
      'o=int:15',
      'u=int:1000',
      'old=int:15',
      'neg=int:-42',
      'f=float:1.5',
      'e=float:1000',
      'big=float:1000000000000000000000',
      'small=float:0.000001',
      'inf=float:+Inf',
      'nan=float:NaN',
      'yes=str:yes',
      'b=bool:True',
      'n=null:-',
      'empty=null:-',
      'd=time:2025-01-02T00:00:00Z',
      'ts=time:2025-01-02T03:04:05.12Z',
      'tz=time:2025-01-02T03:04:05+02:00',
      'q=str:123',
      'tagged=str:5',
      'ver=float:3.1',
    ]);
  });

  it('multi-document: metadata from the first document, the values of every sops block recorded, leaves document by document', () => {
    const src = `a: ${enc()}\n${yamlMetadata()}---\n# second\nb: ${enc()}\n${yamlMetadata()}`;
    const m = model(parseSopsFile('multi.yaml', src));
    expect(m.leaves.map((l) => [l.document, l.path.join('.'), l.isComment])).toEqual([
      [0, 'a', false],
      [1, '', true],
      [1, 'b', false],
    ]);
    const versions = m.metadata!.leaves.filter((l) => l.path.join('.') === 'version');
    expect(versions.map((l) => src.slice(l.start, l.end))).toEqual(['3.10.2', '3.10.2']);
    expect(versions[1]!.start).toBeGreaterThan(src.indexOf('---'));
    expect(m.metadata?.line).toBe(2);
  });

  it('aliases expand in place; the sops key of later documents is dropped', () => {
    const m = model(parseStore('yaml', 'base: &b\n  k: v\ncopy: *b\n---\nsops: 1\nx: y\n'));
    expect(aads(m)).toEqual(['base:k:', 'copy:k:', 'x:']);
    expect(m.metadata).toBeUndefined();
  });

  it.each([
    ['duplicate keys', 'a: 1\nb: 2\na: 3\n', 3],
    ['top-level sequence', '- a\n- b\n', 1],
    ['top-level scalar', 'just text\n', 1],
    ['non-string key', 'a: 1\n2024-01-01: x\n', 2],
    ['syntax error', 'a: [1\nb: 2\n', 2],
    ['sops not a mapping', 'a: 1\nsops: yes\n', 2],
  ])('%s is a parse failure with a line', (_name, src, line) => {
    const r = parseStore('yaml', src);
    expect(isParseFailure(r) && r.line).toBe(line);
  });

  it('failure messages never quote the source', () => {
    const r = parseStore('yaml', 'token: hunter2-very-secret\ntoken: again\n') as SopsParseFailure;
    expect(r.error).not.toContain('hunter2');
  });
});

describe('JSON and binary stores', () => {
  it('example.json: nested paths, "" kept as a string leaf, empty-valued metadata lists tolerated', () => {
    const m = model(parseSopsFile('example.json', fixture('getsops-sops/example.json')));
    expect(aads(m)).toContain('phoneNumbers:type:');
    expect(m.leaves.some((l) => l.type === 'str' && l.text === '')).toBe(true);
    expect(m.metadata?.keys).toHaveLength(2);
  });

  it('numbers: int64 range → int, other numbers float with Go rendering', () => {
    const m = model(parseStore('json', '{"a": 5, "b": -0, "c": 1.0, "d": 1e2, "e": 99999999999999999999, "f": [true, null]}'));
    expect(m.leaves.map((l) => `${l.path[0]}=${l.type}:${l.macText ?? '-'}`)).toEqual([
      'a=int:5',
      'b=int:0',
      'c=float:1',
      'd=float:100',
      'e=float:100000000000000000000',
      'f=bool:True',
      'f=null:-',
    ]);
  });

  it('binary: sops JSON output holds `data`; any other content is one plaintext leaf', () => {
    const enc1 = model(parseSopsFile('example.txt', fixture('getsops-sops/example.txt')));
    expect([enc1.store, aads(enc1), !!enc1.metadata]).toEqual(['binary', ['data:'], true]);
    const plain = model(parseSopsFile('id_rsa.sops', '-----BEGIN OPENSSH PRIVATE KEY-----\n'));
    expect([plain.store, aads(plain), plain.metadata]).toEqual(['binary', ['data:'], undefined]);
  });

  it.each([
    ['{"a": 1,,}', 1],
    ['[1, 2]', 1],
    ['{"a":\n tru}', 2],
    ['{"a": 1, "sops": {}, "sops": {}}', 1],
  ])('%s fails', (src, line) => {
    const r = parseStore('json', src);
    expect(isParseFailure(r) && r.line).toBe(line);
  });
});

describe('dotenv store', () => {
  it('format.enc.env: the key keeps its trailing space; metadata unflattened', () => {
    const m = model(parseSopsFile('format.enc.env', fixture('getsops-sops/functional-tests/res/format.enc.env')));
    expect(aads(m)).toEqual(['foo :']);
    expect(m.metadata?.keys.map((k) => k.type)).toEqual(['pgp']);
    expect(m.metadata?.keys[0]?.enc).toMatch(/^-----BEGIN PGP MESSAGE-----\n\n/);
  });

  it('first `=` splits, `\\n` escapes, no quote handling, `#` comment lines', () => {
    const m = model(parseStore('dotenv', '# note\nA="x=y"\nexport B=1\\n2\n\nC=\n'));
    expect(m.leaves.map((l) => [l.isComment, l.path.join(''), l.text])).toEqual([
      [true, '', ' note'],
      [false, 'A', '"x=y"'],
      [false, 'export B', '1\n2'],
      [false, 'C', ''],
    ]);
  });

  it('age metadata: unflattened lists, selection setting, a positioned leaf per line', () => {
    const src = `A=${enc()}\n${dotenvMetadata('encrypted_regex=^(data|stringData)$')}`;
    const m = model(parseSopsFile('.env', src));
    expect(m.metadata?.keys.map((k) => [k.type, k.id])).toEqual([['age', 'age1lzd99uklcjnc0e7d860axevet2cz99ce9pq6tzuzd05l5nr28ams36nvun']]);
    expect(m.metadata?.selection).toEqual([{ setting: 'encrypted_regex', value: '^(data|stringData)$' }]);
    expect(m.metadata?.leaves.map((l) => l.path.join('.'))).toEqual(['age.0.enc', 'age.0.recipient', 'lastmodified', 'mac', 'encrypted_regex', 'version']);
    for (const leaf of m.metadata!.leaves) expect(src.slice(leaf.start, leaf.end).replaceAll('\\n', '\n')).toBe(leaf.text);
    expect(m.metadata?.line).toBe(2);
  });

  it('a line without `=` fails with its number and without its text', () => {
    const r = parseStore('dotenv', 'A=1\nsupersecretvalue\n') as SopsParseFailure;
    expect([r.line, r.error.includes('supersecret')]).toEqual([2, false]);
  });
});

describe('INI store', () => {
  it('example.ini: sections as keys, section comment first, plaintext _unencrypted key', () => {
    const m = model(parseSopsFile('example.ini', fixture('getsops-sops/example.ini')));
    expect(aads(m).slice(0, 3)).toEqual(['#name:', 'name:firstName:', 'name:lastName:']);
    expect(m.leaves.at(-1)).toMatchObject({ path: ['not private', 'notsecret_unencrypted'], text: 'hi there!' });
    expect(m.metadata?.keys).toHaveLength(2);
  });

  it.each(['format.enc.ini', 'format-2.enc.ini'])('%s: escaped and """ metadata give the same armored key', (name) => {
    const m = model(parseSopsFile(name, fixture(`getsops-sops/functional-tests/res/${name}`)));
    expect(aads(m)).toEqual(['foo:bar:']);
    expect(m.metadata?.keys[0]?.enc).toMatch(/^-----BEGIN PGP MESSAGE-----\n\n[\s\S]*\n-----END PGP MESSAGE-----$/);
  });

  it('DEFAULT section, `;`/`#` comments placed after their key, quotes trimmed, inline comments cut', () => {
    const m = model(parseStore('ini', 'top = 1\n[s]\n; about k\nk = "v" # tail\nj: w\n'));
    expect(m.leaves.map((l) => [l.isComment, l.path.join('.'), l.text])).toEqual([
      [false, 'DEFAULT.top', '1'],
      [false, 's.k', 'v'],
      [true, 's', 'about k\n# tail'],
      [false, 's.j', 'w'],
    ]);
  });

  it('an unclosed section fails with its line', () => {
    const r = parseStore('ini', 'a = 1\n[broken\n');
    expect(isParseFailure(r) && r.line).toBe(2);
  });
});
