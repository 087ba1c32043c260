import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters = { stylish, json, sarif, github, gitlab } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
