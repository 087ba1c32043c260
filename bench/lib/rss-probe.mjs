/**
 * Fallback peak-RSS probe for machines without GNU time: loaded into a node child with `--import`, it writes the
 * process's own peak RSS (process.resourceUsage().maxRSS, in KiB) to $BENCH_RSS_FILE when the process exits.
 * It sees node's own memory only, not that of the git processes node starts.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, `${process.resourceUsage().maxRSS}\n`));
