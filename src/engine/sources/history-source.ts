/**
 * A history scan from start to plans: the scope of a range or a push (history-scope.ts), what each of its commits
 * brought, which of them change a configuration, and the plans that check them (history-plans.ts).
 */
import { changesOf } from '../../git/history.js';
import type { Repository } from '../../git/repository.js';
import type { ScanPlan } from '../plan.js';
import { configChanges, type ConfigChange } from './config-changes.js';
import { historyPlans } from './history-plans.js';
import { pushScope, rangeScope, type RefUpdate } from './history-scope.js';

export async function historySource(
  repo: Repository,
  request: { range: string } | { updates: readonly RefUpdate[] },
): Promise<{ plans: AsyncGenerator<ScanPlan>; configChanges: ConfigChange[] }> {
  const scope = 'range' in request ? await rangeScope(repo, request.range) : await pushScope(repo, request.updates);
  const changes = await changesOf(repo, scope.commits);
  const changed = configChanges(changes);
  // A merge may take its configuration from either side: counted as a change, without looking closer.
  const reconfiguring = new Set([...changed.map((c) => c.commit), ...scope.commits.filter((c) => c.parents.length > 1).map((c) => c.commit)]);
  return { plans: historyPlans(repo, scope, new Map(changes.map((c) => [c.commit, c])), reconfiguring), configChanges: changed };
}
