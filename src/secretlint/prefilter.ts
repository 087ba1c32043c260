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

export class PresetFilter {
  readonly #order: readonly string[];
  readonly #unknown: readonly string[];
  readonly #triggers = new Map<string, RuleTrigger>();
  readonly #awsIdScan: boolean;

  /** `ruleIds`: the preset's enabled rules, in registration order. */
  constructor(ruleIds: readonly string[], options: PresetFilterOptions = {}) {
    this.#order = ruleIds;
    this.#unknown = ruleIds.filter((id) => !(id in PRESET_TRIGGERS));
    for (const id of ruleIds) {
      const trigger = PRESET_TRIGGERS[id];
      if (trigger) this.#triggers.set(id, trigger);
    }
    this.#awsIdScan = options.awsIdScan === true;
  }

  /** `present`: the detectors whose keywords occur in `content`, when the caller already has them. */
  select(content: string, ext: string, present: ReadonlySet<string> = presetOwnersIn(content)): PresetSelection {
    const chosen = new Set<string>(this.#unknown);
    for (const [id, trigger] of this.#triggers) if (trigger.alwaysOnExtensions?.includes(ext)) chosen.add(id);
    for (const id of this.#triggers.keys()) {
      if (present.has(`secretlint:${id}`) || (this.#awsIdScan && id.endsWith('-rule-aws') && present.has(AWS_ID_SCAN_OWNER))) chosen.add(id);
    }
    for (const [id, trigger] of this.#triggers) {
      if (!chosen.has(id)) continue;
      if ((trigger.onlyExtensions && !trigger.onlyExtensions.includes(ext)) || (trigger.confirm && !trigger.confirm.test(content))) chosen.delete(id);
    }
    const ruleIds = new Set(this.#order.filter((id) => chosen.has(id)));
    return { ruleIds, key: [...ruleIds].join('\n') };
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
