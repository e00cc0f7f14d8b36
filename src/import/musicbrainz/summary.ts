// The summary an import ends with: what was read, what the dataset holds, and everything that could not be used.
import type { MusicBrainzStream } from './convert-files.ts';

const list = (counts: Record<string, number>) => {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k} ${n}`).join(', ');
};

export function summaryLines({ converter, files, seconds }: MusicBrainzStream): string[] {
  const { stats } = converter;
  const nodes = converter.nodeCounts();
  const perSecond = seconds > 0 ? Math.round(stats.relationships / seconds) : stats.relationships;
  return [
    `MusicBrainz: ${files.length} file(s) converted in ${seconds.toFixed(2)} s`,
    `  entities read: ${list(stats.entities)}`,
    `  nodes: ${nodes.people} people, ${nodes.works} works, ${nodes.places} places, ${nodes.documents} documents`,
    `  facts: ${list(converter.factCounts())}`,
    `  relationships read: ${stats.relationships} (${perSecond}/s)`,
    `  unknown relationship types (not imported): ${list(stats.unknownRelationships)}`,
    `  URL relationships naming no identifier (not imported): ${list(stats.urlRelationshipsNotKept)}`,
    `  identifiers MusicBrainz gives two entities (kept on the first): ${list(stats.sharedIdentifiers)}`,
    `  malformed values dropped: ${list(stats.invalidValues)}`,
  ];
}
