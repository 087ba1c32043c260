#!/usr/bin/env node
/**
 * The executable: runs the CLI, writes what it returns, sets the exit code (0 clean, 1 findings, 2 error).
 * Anything thrown past the CLI is still exit 2: the guard fails closed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import module from 'node:module';

// Node 22.1+ caches compiled modules on disk, which takes a large share of start-up off every later commit.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** What was thrown, as the one line stderr gets (a message may hold several, or a carriage return). */
const firstLine = (reason: unknown): string => String((reason as Error)?.message ?? reason).split(/[\r\n]/)[0]!;

// Anything that escapes every handler still fails closed: exit 2 with one line, never a crash that looks like 1.
const failClosed = (reason: unknown): never => {
  process.stderr.write(`secrets-guard: internal error: ${firstLine(reason)}\n`);
  process.exit(2);
};
process.on('unhandledRejection', failClosed);
process.on('uncaughtException', failClosed);

try {
  const { run, failure } = await import('./cli.js');
  const outcome = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    writeStderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  }).catch(failure);
  for (const file of outcome.files) {
    try {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.text);
    } catch (error) {
      throw new Error(`cannot write ${file.path}: ${(error as Error).message}`, { cause: error });
    }
  }
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
} catch (error) {
  process.stderr.write(`secrets-guard: ${firstLine(error)}\n`);
  process.exitCode = 2;
}
