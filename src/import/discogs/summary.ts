// The summary a Discogs import ends with: what was read, what the dataset holds, and everything that could not be used.
import type { DiscogsStream } from './convert-files.ts';

const list = (counts: Record<string, number>) => {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k} ${n}`).join(', ');
};

export function summaryLines({ converter, files, seconds }: DiscogsStream): string[] {
  const { stats } = converter;
  const nodes = converter.nodeCounts();
  const perSecond = seconds > 0 ? Math.round(stats.credits / seconds) : stats.credits;
  return [
    `Discogs: ${files.length} file(s) converted in ${seconds.toFixed(2)} s`,
    `  entities read: ${list(stats.entities)}`,
    `  nodes: ${nodes.people} people, ${nodes.works} works, ${nodes.organizations} organizations, ${nodes.documents} documents`,
    `  tracks: ${stats.tracks} recordings; ${stats.headings} headings and index tracks (not works)`,
    `  facts: ${list(converter.factCounts())}`,
    `  credits read: ${stats.credits} (${perSecond}/s)`,
    `  unknown roles (not imported): ${list(stats.unknownRoles)}`,
    `  track references naming no track (credited on the release): ${stats.unresolvedTracks}`,
    `  not imported (no place in the dataset format): ${list(stats.notImported)}`,
    `  malformed values dropped: ${list(stats.invalidValues)}`,
    `  records given more than once (the first read is kept): ${list(stats.repeated)}`,
  ];
}
