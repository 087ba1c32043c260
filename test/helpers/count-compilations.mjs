/**
 * Preloaded with `node --import` in front of the built CLI (see compilations.ts): counts, by source, every RegExp
 * the process constructs and every pattern re2js compiles, and writes the counts as JSON to the file named by
 * COUNT_COMPILATIONS_FILE when the process exits. RegExp literals are not constructed at run time, so only
 * patterns built from text (the repository's) are counted.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const regexps = new Map();
const re2 = new Map();
const bump = (counts, source) => counts.set(source, (counts.get(source) ?? 0) + 1);

globalThis.RegExp = new Proxy(RegExp, {
  construct(target, args, newTarget) {
    bump(regexps, String(args[0] instanceof target ? args[0].source : args[0]));
    return Reflect.construct(target, args, newTarget);
  },
});

// The CLI requires re2js from the project's node_modules when it first needs it: the same module instance as this.
const { RE2JS } = createRequire(new URL('../../package.json', import.meta.url))('re2js');
const compile = RE2JS.compile;
RE2JS.compile = function countedCompile(pattern, ...rest) {
  bump(re2, pattern);
  return compile.call(this, pattern, ...rest);
};

process.on('exit', () => {
  writeFileSync(process.env.COUNT_COMPILATIONS_FILE, JSON.stringify({ regexps: Object.fromEntries(regexps), re2: Object.fromEntries(re2) }));
});
