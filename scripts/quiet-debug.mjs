/**
 * Stands in for the `debug` package inside the bundle (scripts/bundle.mjs aliases it). simple-git creates its
 * loggers at load time, and loading `debug` (with supports-color and its terminal probing) cost a commit hook
 * about 8 ms for loggers that stay silent unless DEBUG is set. With DEBUG set, the real package is loaded from
 * node_modules, so `DEBUG=simple-git*` works as always.
 */
import { createRequire } from 'node:module';

function silent(namespace) {
  const log = () => {};
  return Object.assign(log, {
    namespace,
    enabled: false,
    log: () => {},
    destroy: () => true,
    extend: (sub, delimiter = ':') => silent(`${namespace}${delimiter}${sub}`),
  });
}

function silentDebug(namespace) {
  return silent(namespace);
}
Object.assign(silentDebug, { formatters: {}, enable: () => {}, disable: () => '', enabled: () => false });

function realDebug() {
  try {
    return createRequire(import.meta.url)('debug');
  } catch {
    return silentDebug; // not installed beside the bundle: logging is all that is lost
  }
}

export default process.env.DEBUG ? realDebug() : silentDebug;
