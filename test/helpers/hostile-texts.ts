/**
 * Megabyte-scale lines that repeat what one of the detectors looks for without ever completing it: built to make a
 * pattern backtrack. test/detection/hostile-input.test.ts checks what the detectors answer on them;
 * bench/hostile-limits.mjs times a check of each (tests never assert timings).
 */
export const HOSTILE_DETECTOR_TEXTS: Readonly<Record<string, string>> = {
  'mysql without -p': 'mysql '.repeat(150_000),
  'curl without -u': 'curl '.repeat(150_000),
  'one long dotted name': 'a.password.'.repeat(80_000) + '=',
  'names without values': 'password= '.repeat(80_000),
  'scheme after scheme': 'amqp://u:'.repeat(80_000),
  'JWT headers without a payload': 'eyJ'.repeat(200_000),
  'PEM headers without a body': '-----BEGIN PRIVATE KEY-----\\n" + "'.repeat(20_000),
  'sig= without a SAS': '?sig='.repeat(150_000),
  'discord tokens without an id': '// discord\n' + 'Mxxxxxxxxxxxxxxxxxxxxxxxxx.'.repeat(30_000),
};

/** Long runs that almost match a placeholder shape, for `isPlaceholder`. */
export const HOSTILE_PLACEHOLDER_VALUES: readonly string[] = [
  '.'.repeat(200_000) + 'abcdef',
  'x'.repeat(200_000) + 'y..',
  'a-'.repeat(100_000) + '!',
  '{{' + ' '.repeat(200_000),
];
