/** Pieces both modes of `npm run eval` use: running the built CLI for its JSON findings, and a plain-text table. */
import { execFileSync } from 'node:child_process';

/** `node BIN ARGS --format json` in `cwd`: its findings (exit 1 is "findings", anything else an error). */
export function guardFindings(bin, args, { cwd, env = process.env }) {
  let out;
  try {
    out = execFileSync(process.execPath, [bin, ...args, '--format', 'json'], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (error) {
    if (error.status !== 1) throw new Error(`secrets-guard exited ${error.status} in ${cwd}: ${String(error.stderr).split('\n')[0]}`, { cause: error });
    out = error.stdout;
  }
  return JSON.parse(out).findings;
}

export function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}
