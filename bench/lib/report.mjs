/** Markdown tables for the benchmark results. */
import { formatSize } from './size.mjs';

const seconds = (s) => (s < 10 ? s.toFixed(3) : s.toFixed(2));
const mib = (kib) => (kib === null ? 'n/a' : (kib / 1024).toFixed(0));

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One repository's results: a row per case, with the ratio to its peer where there is one. */
export function caseTable(rows) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return table(
    ['case', 'median s', 'min s', 'max s', 'MB/s', 'peak RSS MiB', 'secrets-guard / peer'],
    rows.map((r) => {
      if (r.failure) return [r.label, `FAILED (exit ${r.failure.code ?? r.failure.signal})`, '', '', '', '', ''];
      if (!r.stats) return [r.label, `skipped (${r.note})`, '', '', '', '', ''];
      const { median, min, max, peakRssKiB } = r.stats;
      const rate = r.bytes && !r.startupBound ? (r.bytes / 1e6 / median).toFixed(1) : '';
      const peer = r.peerId && byId.get(r.peerId)?.stats;
      const floors = (r.floorIds ?? []).filter((id) => byId.get(id)?.stats);
      const ratios = [
        peer && `${(median / peer.median).toFixed(2)}× (${byId.get(r.peerId).short})`,
        ...floors.map((id) => `${(median / byId.get(id).stats.median).toFixed(1)}× (${byId.get(id).short})`),
      ];
      const ratio = ratios.filter(Boolean).join(', ');
      return [r.label, seconds(median), seconds(min), seconds(max), rate, mib(peakRssKiB), ratio];
    }),
  );
}

/** Peak RSS of the whole-repository modes against repository size and largest file. */
export function memoryTable(results) {
  const rss = (result, id) => {
    const stats = result.rows.find((r) => r.id === id)?.stats;
    return stats ? mib(stats.peakRssKiB) : 'n/a';
  };
  return table(
    ['repository', 'files', 'largest file', 'check --all peak RSS MiB', 'check --range peak RSS MiB', 'secretlint (all) peak RSS MiB'],
    results.map((r) => [
      r.repo.real ? `${r.repo.name} (${formatSize(r.repo.bytes)})` : formatSize(r.repo.bytes),
      String(r.repo.files),
      formatSize(r.repo.largestFile.bytes),
      rss(r, 'guard-all'),
      rss(r, 'guard-range'),
      rss(r, 'secretlint-all'),
    ]),
  );
}
