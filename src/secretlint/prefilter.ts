/**
 * Chooses which rules of the recommended preset can report on a file, from their keywords (preset-keywords.ts),
 * so that secretlint runs only those, and not at all on the common file that holds none: most files of a
 * repository contain no keyword, and the search costs far less than running the whole preset on every file did
 * (figures in docs/performance.md).
 *
 * The keyword search is the one pass every detector shares (src/engine/keyword-owners.ts): its owners include
 * `secretlint:<rule id>` for each rule of the table.
 */
import { KeywordSearch } from '../util/keyword-search.js';
import { AWS_ID_SCAN_OWNER, PRESET_TRIGGERS, presetKeywordOwners, type RuleTrigger } from './preset-keywords.js';

export interface PresetSelection {
  /** Rule ids of the preset to run on this file; empty when none can report. */
  readonly ruleIds: ReadonlySet<string>;
  /** A stable key for the set, to reuse one secretlint config per distinct selection. */
  readonly key: string;
}

export interface PresetFilterOptions {
  /** The aws rule's `enableIDScanRule` is on (a team's .secretlintrc): it then also reports key and account ids. */
  readonly awsIdScan?: boolean;
}

interface Candidate {
  readonly id: string;
  /** The rule's keyword owner in the shared pass (`secretlint:<id>`). */
  readonly owner: string;
  readonly trigger: RuleTrigger | undefined;
  /** An aws rule, also chosen by the id keywords when the id scan is on. */
  readonly aws: boolean;
}

export class PresetFilter {
  /** The preset's enabled rules, in registration order, with what choosing each needs: worked out once, not per file. */
  readonly #candidates: readonly Candidate[];
  readonly #awsIdScan: boolean;

  /** `ruleIds`: the preset's enabled rules, in registration order. */
  constructor(ruleIds: readonly string[], options: PresetFilterOptions = {}) {
    this.#candidates = ruleIds.map((id) => ({ id, owner: `secretlint:${id}`, trigger: PRESET_TRIGGERS[id], aws: id.endsWith('-rule-aws') }));
    this.#awsIdScan = options.awsIdScan === true;
  }

  /**
   * `present`: the detectors whose keywords occur in `content`, when the caller already has them. A rule without
   * keywords (one of a newer preset) always runs.
   */
  select(content: string, ext: string, present: ReadonlySet<string> = presetOwnersIn(content)): PresetSelection {
    const chosen: string[] = [];
    for (const { id, owner, trigger, aws } of this.#candidates) {
      if (trigger && !this.#wanted(trigger, owner, aws, content, ext, present)) continue;
      chosen.push(id);
    }
    return { ruleIds: new Set(chosen), key: chosen.join('\n') };
  }

  #wanted(trigger: RuleTrigger, owner: string, aws: boolean, content: string, ext: string, present: ReadonlySet<string>): boolean {
    const found = trigger.alwaysOnExtensions?.includes(ext) || present.has(owner) || (this.#awsIdScan && aws && present.has(AWS_ID_SCAN_OWNER));
    if (!found) return false;
    return !(trigger.onlyExtensions && !trigger.onlyExtensions.includes(ext)) && !(trigger.confirm && !trigger.confirm.test(content));
  }
}

export { triePattern } from '../util/keyword-search.js';

let presetSearch: KeywordSearch<string> | undefined;

/**
 * The preset's keyword owners in `content`, for a caller without the engine's one pass (SourceFile.keywordOwners,
 * which holds these owners too): the table is the preset's, built once.
 */
function presetOwnersIn(content: string): ReadonlySet<string> {
  presetSearch ??= new KeywordSearch(new Map(Object.entries(presetKeywordOwners())));
  return presetSearch.addOwnersIn(content, new Set());
}
