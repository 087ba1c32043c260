/** Content of a planned file, regenerated on demand from (seed, file index). */
import { markdown, jsonConfig, kubernetes, terraform, yamlConfig } from './gen-config.mjs';
import { goSum, packageLock, yarnLock } from './gen-lockfiles.mjs';
import { go, javascript, python, typescript } from './gen-source.mjs';
import { createRandom, deriveSeed } from './prng.mjs';

const GENERATORS = {
  ts: typescript,
  js: javascript,
  py: python,
  go,
  yaml: yamlConfig,
  json: jsonConfig,
  k8s: kubernetes,
  tf: terraform,
  md: markdown,
  'package-lock': packageLock,
  'yarn-lock': yarnLock,
  'go-sum': goSum,
};

/** The file's final text. */
export function fullContent(file, seed) {
  return GENERATORS[file.kind](createRandom(deriveSeed(seed, file.index + 1)), file.size);
}

/** The first version of a file completed later: its first ~60%, cut at a line end. */
export function prefixContent(text) {
  const cut = text.indexOf('\n', Math.floor(text.length * 0.6));
  return cut === -1 ? text : text.slice(0, cut + 1);
}
