/** Baselines: accepted findings, matched by rule, path and salted fingerprint. Pure: the CLI reads and writes. */
export { BASELINE_FILE, BASELINE_VERSION, newBaselineSalt, parseBaseline, serializeBaseline, type Baseline, type BaselineEntry } from './format.js';
export { applyBaseline, baselineEntryOf, createBaseline, findingFingerprint, mergeIntoBaseline, pruneBaseline, type BaselineOutcome } from './apply.js';
