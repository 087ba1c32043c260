/**
 * The checks of the SARIF validator (microsoft/sarif-sdk, `Sarif.Multitool validate --rule-kind Ghas`) that decide
 * whether GitHub code scanning accepts and displays a log, written out for the shapes secrets-guard emits:
 * GH1001-GH1007, the GH101x "required properties" family, GH2012 and SARIF2012. Returns one line per violation,
 * `<rule> <JSON pointer>: <what>`, so a test can assert an empty list and show what broke.
 */

type Json = any;

/** GitHub's default display limits (GH1004). */
const LIMITS = { runs: 5, rules: 1000, results: 1000, locationsPerResult: 10, codeFlowsPerResult: 100, locationsPerThreadFlow: 100 };
const PASCAL_CASE = /^(\p{Lu}[\p{Ll}\p{Nd}]+)*$/u;
const FINAL_SCHEMA_ENDINGS = ['2.1.0', '2.1.0.json', '2.1.0-rtm.6', '2.1.0-rtm.6.json'];

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

export function githubSarifViolations(log: Json): string[] {
  const out: string[] = [];
  const flag = (rule: string, pointer: string, what: string): void => void out.push(`${rule} ${pointer}: ${what}`);
  if (!Array.isArray(log.runs)) return [`GH1013 /: no runs array`];
  if (blank(log.$schema)) flag('GH1013', '/', 'no $schema');
  else if (!FINAL_SCHEMA_ENDINGS.some((e) => log.$schema.endsWith(e))) flag('GH1011', '/$schema', `${log.$schema} is not the final 2.1.0 schema`);
  if (log.version !== '2.1.0') flag('GH1013', '/version', `version ${log.version}`);
  if (log.runs.length > LIMITS.runs) flag('GH1004', '/runs', `${log.runs.length} runs`);
  log.runs.forEach((run: Json, r: number) => checkRun(run, `/runs/${r}`, flag));
  return out;
}

type Flag = (rule: string, pointer: string, what: string) => void;

function checkRun(run: Json, at: string, flag: Flag): void {
  if (!Array.isArray(run.results)) flag('GH1014', at, 'no results array');
  const driver = run.tool?.driver;
  if (!driver) return flag('GH1018', `${at}/tool`, 'no driver');
  if (blank(driver.name)) flag('GH1018', `${at}/tool/driver`, 'no name');
  if (!Array.isArray(driver.rules)) return flag('GH1018', `${at}/tool/driver`, 'no rules array');
  if (driver.rules.length > LIMITS.rules) flag('GH1004', `${at}/tool/driver/rules`, `${driver.rules.length} rules`);
  driver.rules.forEach((rule: Json, i: number) => checkRule(rule, `${at}/tool/driver/rules/${i}`, flag));
  const ruleIds = new Set(driver.rules.map((r: Json) => r.id));
  const results: Json[] = run.results ?? [];
  if (results.length > LIMITS.results) flag('GH1004', `${at}/results`, `${results.length} results`);
  results.forEach((result, i) => checkResult(result, `${at}/results/${i}`, ruleIds, flag));
}

function checkRule(rule: Json, at: string, flag: Flag): void {
  if (blank(rule.id)) flag('GH2012', at, 'no id');
  if (blank(rule.shortDescription?.text)) flag('GH2012', at, 'no shortDescription');
  if (blank(rule.fullDescription?.text)) flag('GH2012', at, 'no fullDescription');
  if (!rule.help) flag('GH2012', at, 'no help');
  else if (blank(rule.help.text)) flag('GH2012', `${at}/help`, 'no help text');
  if (blank(rule.name)) flag('SARIF2012', at, `rule ${rule.id} has no friendly name`);
  else if (!PASCAL_CASE.test(rule.name)) flag('SARIF2012', `${at}/name`, `${rule.name} is not a Pascal identifier`);
  if (blank(rule.helpUri)) flag('SARIF2012', at, `rule ${rule.id} has no helpUri`);
}

function checkResult(result: Json, at: string, ruleIds: Set<unknown>, flag: Flag): void {
  if (blank(result.message?.text)) flag('GH1007', `${at}/message`, 'no text');
  if (!result.partialFingerprints) flag('GH1015', at, 'no partialFingerprints');
  if (ruleIds.size > 0 && !ruleIds.has(result.ruleId)) flag('SARIF2012', at, `no metadata for rule ${result.ruleId}`);
  if (!Array.isArray(result.locations) || result.locations.length === 0) return flag('GH1001', at, 'no locations');
  if (result.locations.length > LIMITS.locationsPerResult) flag('GH1004', `${at}/locations`, `${result.locations.length} locations`);
  result.locations.forEach((location: Json, i: number) => checkLocation(location, `${at}/locations/${i}`, flag));
  const codeFlows: Json[] = result.codeFlows ?? [];
  if (codeFlows.length > LIMITS.codeFlowsPerResult) flag('GH1004', `${at}/codeFlows`, `${codeFlows.length} code flows`);
  codeFlows.forEach((flow, f) =>
    (flow.threadFlows ?? []).forEach((thread: Json, t: number) => {
      const steps: Json[] = thread.locations ?? [];
      if (steps.length > LIMITS.locationsPerThreadFlow) flag('GH1004', `${at}/codeFlows/${f}/threadFlows/${t}`, `${steps.length} steps`);
      steps.forEach((step, s) => step.index !== undefined && flag('GH1002', `${at}/codeFlows/${f}/threadFlows/${t}/locations/${s}`, 'uses index'));
    }),
  );
}

function checkLocation(location: Json, at: string, flag: Flag): void {
  const physical = location.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (blank(uri)) return flag('GH1001', at, 'no physicalLocation.artifactLocation.uri');
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('file:')) flag('GH1005', at, `${uri} is not a file path`);
  if (uri.startsWith('file:')) flag('GH1006', at, `${uri} is absolute and no checkout path is given`);
  const region = physical.region;
  if (!region) return flag('GH1003', `${at}/physicalLocation`, 'no region');
  if (!(region.startLine >= 1)) flag('GH1003', `${at}/physicalLocation/region`, 'no startLine');
  if (region.endLine !== undefined && region.endLine < region.startLine) flag('GH1017', `${at}/physicalLocation/region`, 'endLine before startLine');
  const oneLine = region.endLine === undefined || region.endLine === region.startLine;
  if (oneLine && region.endColumn !== undefined && region.endColumn < (region.startColumn ?? 1))
    flag('GH1017', `${at}/physicalLocation/region`, 'endColumn before startColumn');
}
