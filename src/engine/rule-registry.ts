/** Every rule the tool has, by id: what a config may name, `--list-rules` prints and reports describe. */
import { rules } from '../../rules/index.js';
import type { Rule } from '../types.js';

export const ruleRegistry: ReadonlyMap<string, Rule<unknown>> = new Map(rules.map((r) => [r.meta.id, r as Rule<unknown>]));
