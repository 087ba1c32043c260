/**
 * Preloaded with `node --import` in front of the built CLI (crash-exits-2.test.ts): the first git child the engine
 * starts brings an internal failure with it, the way a bug in an event handler would, outside any promise the CLI
 * awaits. CRASH_IN_ENGINE picks the failure: `throw` (an exception in the child's 'spawn' handler),
 * `reject` (a promise rejected with no handler), `multiline` (an exception whose message has several lines).
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const childProcess = createRequire(import.meta.url)('node:child_process');
const spawn = childProcess.spawn;
let crashed = false;

childProcess.spawn = function spawnThenCrash(...args) {
  const child = spawn.apply(this, args);
  if (crashed) return child;
  crashed = true;
  const mode = process.env.CRASH_IN_ENGINE;
  child.once('spawn', () => {
    if (mode === 'reject') void Promise.reject(new Error('injected rejection in the engine'));
    else throw new Error(mode === 'multiline' ? 'injected crash\nsecond line\nthird line' : 'injected crash in the engine');
  });
  return child;
};
syncBuiltinESMExports();
