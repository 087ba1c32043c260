/** Vocabulary for identifiers, comments and prose in the synthetic repository. */

export const WORDS = (
  'account action adapter address agent alert archive asset audit backend balance batch billing buffer bundle ' +
  'cache catalog channel checkout client cluster config connection consumer context counter customer dataset ' +
  'deploy device digest dispatch document domain draft driver event export feature filter gateway handler ' +
  'header health history import index inventory invoice job journal ledger limit listener loader locale ' +
  'manifest mapper message metric migration model monitor network node notice offset order owner packet page ' +
  'parser partner payload payment pipeline policy pool preview price process profile project provider queue ' +
  'quota record region registry release replica report request resource response result retry route runner ' +
  'schedule schema scope search segment sender service session setting shard signal snapshot source stage ' +
  'status storage stream subject summary supplier table target task template tenant ticket timer token topic ' +
  'tracker transfer update upload usage user validator value vendor version view volume warehouse webhook ' +
  'window worker'
).split(' ');

const VERBS = (
  'apply build check collect compute create decode delete emit encode ensure fetch filter find flush format ' +
  'handle load map merge normalize parse prepare publish read refresh register remove render resolve restore ' +
  'save schedule send serialize sort split start stop sync track transform update upload validate verify write'
).split(' ');

const SENTENCE_WORDS = (
  'the a this that each every when while because so we it is are was be not only also then before after ' +
  'request value cache order service retry timeout error result user field state record config update ' +
  'handles returns keeps skips reads writes checks uses calls stores avoids needs expects should must may'
).split(' ');

const capitalise = (word) => word[0].toUpperCase() + word.slice(1);

/** `loadOrderCache`-style names. */
export function camel(random, parts = 2) {
  let name = random.pick(VERBS);
  for (let i = 1; i < parts; i++) name += capitalise(random.pick(WORDS));
  return name;
}

export function pascal(random, parts = 2) {
  let name = '';
  for (let i = 0; i < parts; i++) name += capitalise(random.pick(WORDS));
  return name;
}

export function snake(random, parts = 2) {
  const words = [random.pick(VERBS)];
  for (let i = 1; i < parts; i++) words.push(random.pick(WORDS));
  return words.join('_');
}

export function kebab(random, parts = 2) {
  const words = [];
  for (let i = 0; i < parts; i++) words.push(random.pick(WORDS));
  return words.join('-');
}

/** A plain sentence for comments and documentation. */
export function sentence(random, min = 6, max = 16) {
  const length = random.int(min, max);
  const words = [];
  for (let i = 0; i < length; i++) words.push(random.chance(0.3) ? random.pick(WORDS) : random.pick(SENTENCE_WORDS));
  return capitalise(words.join(' ')) + '.';
}
