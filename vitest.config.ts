import { defineConfig } from 'vitest/config';

/**
 * Three tiers, run together by `npm test` and alone by `npm run test:unit` / `test:integration` / `test:hooks`:
 * - unit: in-process, from the sources (rules, sops/, formatters, parsers, the CLI's run() with a fake io); seconds;
 * - integration: the built bundle and real git repositories in temporary directories;
 * - hooks: real hook managers and package installs (husky, the pre-commit framework, lefthook, npm pack and git URL
 *   installs); minutes.
 */
const UNIT = [
  'test/*.test.ts',
  'test/{rules,sops,sops-config,secretlint,baseline,detection,docs,util,engine,formatters,git-parsers,cli-in-process}/**/*.test.ts',
];
const HOOKS = ['test/hooks/**/*.test.ts', 'test/install/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { NO_COLOR: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LANG: 'C.UTF-8' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...HOOKS] } },
      { extends: true, test: { name: 'hooks', include: HOOKS } },
    ],
  },
});
