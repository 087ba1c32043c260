/**
 * Node built-ins through their CommonJS objects. An ES import of a built-in builds a namespace from every export,
 * which for node:util loads the worker, diff and colour internals and for node:crypto all of Web Crypto: a cost
 * on every commit, for one function. Read this way, only what the caller touches is loaded.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const nodeUtil = (): typeof import('node:util') => require('node:util') as typeof import('node:util');
export const nodeCrypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');
