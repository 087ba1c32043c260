/**
 * Passwords spelled out of the words that docs, tests and templates use for one: `MySecretPassword`,
 * `Passw0rd123!`, `s3cur3s3cr3T`, `TempPass123!`, `ChangeMe-Temporary-MOK-Pass`, `hunter2`. Such a value says it is
 * a stand-in; a scanner that reports it cries wolf on every README and test suite. The value, its leetspeak undone
 * (`0` is `o`, `$` is `s`...), must split entirely into words of a small vocabulary (and acronyms, digits and
 * symbols), one of them a marker (password, secret, test, example, changeme...). A word outside the vocabulary
 * (`hunter2-real`, `Summer2024!`, `1nternalUseOnly`) or a random run keeps the value a credential.
 */

/** Words that mark a value as a stand-in: a password that names itself, a test, an example. */
const MARKERS = [
  'password',
  'passwort',
  'passwd',
  'pass',
  'pwd',
  'passphrase',
  'secret',
  'test',
  'testing',
  'tester',
  'temp',
  'example',
  'sample',
  'dummy',
  'fake',
  'demo',
  'changeme',
  'change',
  'default',
  'placeholder',
  'hunter',
  'letmein',
  'foobar',
  'hello',
  'mock',
  'bogus',
  'notreal',
  'insecure',
  'redacted',
];
/** Words that go with the markers in such values (`my`, `super`, `secure`, `different`...). */
const FILLERS = [
  'my',
  'your',
  'our',
  'the',
  'a',
  'an',
  'is',
  'be',
  'could',
  'not',
  'very',
  'really',
  'super',
  'secure',
  'strong',
  'weak',
  'new',
  'old',
  'other',
  'different',
  'incorrect',
  'wrong',
  'bad',
  'good',
  'valid',
  'invalid',
  'me',
  'this',
  'it',
  'some',
  'temporary',
  'world',
  'foo',
  'bar',
  'baz',
  'qux',
  'admin',
  'root',
  'user',
  'guest',
  'db',
  'word',
  'key',
  'token',
  'top',
  'value',
  'here',
  'i',
  'one',
  'two',
  'three',
  'only',
  'for',
  'of',
  'to',
  'and',
  'with',
  'initial',
  'first',
  'second',
  'local',
  'dev',
];
/** Double letters are collapsed in the vocabulary and the value alike, so `Passw00rd` (`passwoord`) is `password`. */
const collapse = (s: string): string => s.replace(/(.)\1+/g, '$1');
const MARKER_SET = new Set(MARKERS.map(collapse));
const VOCABULARY = new Set([...MARKERS, ...FILLERS].map(collapse));
const LONGEST = Math.max(...[...VOCABULARY].map((w) => w.length));
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', $: 's', '@': 'a' };

/** The value's chunks between separators and symbols, with digits at a chunk's end split off (`Password`, `123`). */
function chunks(value: string): string[] {
  return value
    .replace(/[^\p{ASCII}]/gu, '')
    .split(/[^A-Za-z0-9$@]+/)
    .flatMap((p) => p.split(/(?<=[A-Za-z$@])(?=\d+$)/))
    .filter((p) => /[A-Za-z]/.test(p));
}

/** A chunk's words (leetspeak undone), read whole (`MySuperSecureP4sswOrd`) or by camel-case humps (`PBSPassword`). */
function chunkWords(chunk: string): string[] | undefined {
  const read = (s: string) => wordBreak(collapse([...s.toLowerCase()].map((c) => LEET[c] ?? c).join('')));
  const whole = read(chunk);
  if (whole) return whole;
  // One letter glued to a marker: `mpass2` beside `muser2` (a mutual CHAP password), `xpassword`.
  const prefixed = read(chunk.slice(1));
  if (/^[A-Za-z]/.test(chunk) && prefixed && MARKER_SET.has(prefixed[0]!)) return prefixed;
  const humps = chunk
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  const words: string[] = [];
  for (const hump of humps) {
    if (/^[A-Z]{2,4}$/.test(hump)) continue; // an acronym: `PBS`, `MOK`
    const w = read(hump);
    if (!w) return undefined;
    words.push(...w);
  }
  return words;
}

/** Splits lower-case letters into vocabulary words; returns the words, or undefined when it cannot. */
function wordBreak(letters: string): string[] | undefined {
  if (!/^[a-z]+$/.test(letters)) return undefined;
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= letters.length; end++) {
    for (let start = Math.max(0, end - LONGEST); start < end && !best[end]; start++) {
      const word = letters.slice(start, end);
      if (best[start] && VOCABULARY.has(word)) best[end] = [...best[start]!, word];
    }
  }
  return best[letters.length];
}

export function isSpelledOutStandIn(value: string): boolean {
  if (value.length > 64) return false;
  let marked = false;
  for (const chunk of chunks(value)) {
    const words = chunkWords(chunk);
    if (!words) return false;
    marked ||= words.some((w) => MARKER_SET.has(w));
  }
  return marked;
}
