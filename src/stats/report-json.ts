import { sectionRunsJson } from './rehearsals.js';
import type { StatsReport } from './types.js';

/**
 * JSON.stringify(report, null, 2) in pieces, the sections' runs written from the text statistics' summary
 * keeps (stats/rehearsals.ts sectionRunsJson) instead of a year of points made and stringified (~10,000
 * objects at 100,000 reviews: docs/performance.md). Each list is first stringified as a marker no user string
 * holds (`id`: a random one), and its text goes where the marker is, at the indentation of the marker's line.
 */
export function statsJson(report: StatsReport, id: string): string[] {
  const sections = report.rehearsals?.sections ?? [];
  // Per section, its marker (JSON) and its list's text at an indentation; none: its points stringified.
  const lists = sections.map((section, i) => {
    const write = sectionRunsJson(section);
    return write ? { marker: JSON.stringify(`${id}:${i}`), write } : null;
  });
  if (!lists.some(Boolean)) return [JSON.stringify(report, null, 2)];
  const copies = sections.map((section, i) => {
    const list = lists[i];
    if (!list) return section;
    // The section's keys in their order, its points not made (`runs` is made when first read).
    const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(section)) as typeof section;
    Object.defineProperty(copy, 'runs', { value: JSON.parse(list.marker), enumerable: true });
    return copy;
  });
  const json = JSON.stringify({ ...report, rehearsals: { ...report.rehearsals!, sections: copies } }, null, 2);
  const pieces: string[] = [];
  let from = 0;
  for (const list of lists) {
    if (!list) continue;
    const at = json.indexOf(list.marker, from);
    if (at < 0) throw new Error('stats --json: a list of runs went missing');
    const lineStart = json.lastIndexOf('\n', at) + 1;
    let end = lineStart;
    while (json.charCodeAt(end) === 0x20) end++;
    pieces.push(json.slice(from, at), list.write(json.slice(lineStart, end)));
    from = at + list.marker.length;
  }
  pieces.push(json.slice(from));
  return pieces;
}
