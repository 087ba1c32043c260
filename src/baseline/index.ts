/** Baselines: accepted findings, matched by rule, path and salted fingerprint. Pure: the CLI reads and writes. */
export { BASELINE_FILE, newBaselineSalt, parseBaseline, serializeBaseline, type Baseline } from './format.js';
export { applyBaseline, createBaseline, findingFingerprint, mergeIntoBaseline, pruneBaseline } from './apply.js';
