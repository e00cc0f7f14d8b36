// Which MusicBrainz entity a JSON object is: told from the fields each type alone has, as answers and dumps carry them.
import { MB_ENTITY_TYPES, type MbEntityType } from './mapping.ts';

/**
 * The entity type of a looked-up entity or dump line, or undefined (a label, an area, an error answer). Release groups
 * are told before releases (both have titles and dates), artists by their sort name without a label code.
 */
export function entityTypeOf(o: Record<string, unknown>): MbEntityType | undefined {
  if ('primary-type' in o || 'secondary-types' in o) return 'release-group';
  if ('media' in o || 'release-events' in o || 'barcode' in o || 'release-group' in o) return 'release';
  if ('sort-name' in o) return 'label-code' in o ? undefined : 'artist';
  if ('iswcs' in o || 'languages' in o) return 'work';
  if ('length' in o || 'video' in o || 'isrcs' in o || 'first-release-date' in o) return 'recording';
  return undefined;
}

/** The entity type a dump file is named after: `artist`, `mbdump/release-group`, `recording.jsonl.gz`, `work.tar.xz`. */
export function entityTypeOfName(name: string): MbEntityType | undefined {
  const base = (name.split('/').pop() ?? '').replace(/\.(?:tar\.xz|tar\.gz|tar|gz|xz|jsonl|ndjson|json)$/g, '');
  const stem = base.replace(/\.(?:jsonl|ndjson|json)$/, '');
  return (MB_ENTITY_TYPES as readonly string[]).includes(stem) ? (stem as MbEntityType) : undefined;
}

export function isEntityType(value: string): value is MbEntityType {
  return (MB_ENTITY_TYPES as readonly string[]).includes(value);
}
