// Reads one Discogs API answer (`GET /releases/{id}`, `/masters/{id}`, `/artists/{id}`, `/labels/{id}`), saying which.
import { jsonProblem } from '../musicbrainz/errors.ts';
import { readBoundedAnswer } from '../read-bounded-answer.ts';
import type { DiscogsEntityType } from './convert.ts';
import { DiscogsInputError } from './errors.ts';

const RESOURCE = /\/(releases|masters|artists|labels)\/\d+\/?$/;
const OF_RESOURCE: Record<string, DiscogsEntityType> = {
  releases: 'release',
  masters: 'master',
  artists: 'artist',
  labels: 'label',
};

/**
 * The entity an answer is about: by its `resource_url` (every lookup has one), else by the fields only that type has
 * (a master's `main_release`, a release's `tracklist`, an artist's `namevariations`, a label's `sublabels`).
 */
export function answerTypeOf(o: Record<string, unknown>): DiscogsEntityType | undefined {
  const resource = typeof o.resource_url === 'string' ? RESOURCE.exec(o.resource_url) : null;
  if (resource) return OF_RESOURCE[resource[1] as string];
  if ('main_release' in o || 'versions_url' in o) return 'master';
  if ('tracklist' in o || 'extraartists' in o || 'master_id' in o) return 'release';
  if ('namevariations' in o || 'members' in o || 'groups' in o || 'realname' in o) return 'artist';
  if ('sublabels' in o || 'parent_label' in o || 'contact_info' in o) return 'label';
  return undefined;
}

export type AnswerSink = (type: DiscogsEntityType, entity: Record<string, unknown>, path: string) => void;

export function readAnswerText(file: string, text: string, sink: AnswerSink): DiscogsEntityType {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch (error) {
    const { where, problem } = jsonProblem(text, error);
    throw new DiscogsInputError(file, where, problem);
  }
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer))
    throw new DiscogsInputError(file, '$', 'expected a Discogs API answer: one JSON object');
  const o = answer as Record<string, unknown>;
  if (typeof o.message === 'string' && !('id' in o))
    throw new DiscogsInputError(file, '$.message', `Discogs answered an error: ${o.message}`);
  if ('pagination' in o)
    throw new DiscogsInputError(
      file,
      '$.pagination',
      'a list answer (search results, versions, an artist’s releases) names entities without their credits; save each release, master, artist or label lookup instead',
    );
  const type = answerTypeOf(o);
  if (type === undefined)
    throw new DiscogsInputError(
      file,
      '$',
      'cannot tell which Discogs entity this is; the importer reads release, master, artist and label lookups',
    );
  sink(type, o, '$');
  return type;
}

export async function readAnswerFile(file: string, sink: AnswerSink): Promise<DiscogsEntityType> {
  const text = await readBoundedAnswer(file, (problem) => new DiscogsInputError(file, '(file)', problem));
  return readAnswerText(file, text, sink);
}
