// Reads one web-service answer (`?fmt=json`): a lookup of one entity, or a browse or search list of them.
import { readBoundedAnswer } from '../read-bounded-answer.ts';
import { entityTypeOf } from './entity-type.ts';
import { jsonProblem, MusicBrainzInputError } from './errors.ts';
import { LIST_KEYS, MB_ENTITY_TYPES, type MbEntityType } from './mapping.ts';

export type EntitySink = (type: MbEntityType, entity: unknown, path: string, line?: number) => void;

/** Parse an answer's text and hand each entity it holds to `sink`, with its JSON path. */
export function readAnswerText(file: string, text: string, sink: EntitySink, expected?: MbEntityType): number {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch (error) {
    const { where, problem } = jsonProblem(text, error);
    throw new MusicBrainzInputError(file, where, problem);
  }
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer))
    throw new MusicBrainzInputError(file, '$', 'expected a MusicBrainz answer: one JSON object');
  const o = answer as Record<string, unknown>;
  if (typeof o.error === 'string') throw new MusicBrainzInputError(file, '$.error', `MusicBrainz answered an error: ${o.error}`);
  const check = (type: MbEntityType, path: string) => {
    if (expected !== undefined && type !== expected)
      throw new MusicBrainzInputError(file, path, `holds ${type} entities, but ${expected} was asked for`);
  };
  let count = 0;
  let list = false;
  // A lookup has its entity's `id` (and may carry lists: an artist with inc=release-groups); a list answer has none.
  if (!('id' in o))
    for (const key in LIST_KEYS) {
      const items = o[key];
      if (!Array.isArray(items)) continue;
      list = true;
      const type = LIST_KEYS[key] as MbEntityType;
      check(type, `$.${key}`);
      items.forEach((item, i) => {
        sink(type, item, `$.${key}[${i}]`);
        count++;
      });
    }
  if (list) return count;
  const type = entityTypeOf(o);
  if (type === undefined)
    throw new MusicBrainzInputError(
      file,
      '$',
      `cannot tell which MusicBrainz entity this is; the importer reads ${MB_ENTITY_TYPES.join(', ')} lookups and browse or search lists of them`,
    );
  check(type, '$');
  sink(type, o, '$');
  return 1;
}

export async function readAnswerFile(file: string, sink: EntitySink, expected?: MbEntityType): Promise<number> {
  const text = await readBoundedAnswer(file, (problem) => new MusicBrainzInputError(file, '(file)', problem));
  return readAnswerText(file, text, sink, expected);
}
