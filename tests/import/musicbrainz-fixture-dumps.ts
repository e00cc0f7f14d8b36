// The MusicBrainz fixtures' answers as data dumps: every entity an answer holds, one a line, in a file named after its
// type, as mbdump/<entity> is. The same artists, releases and recordings then come back on many lines of several
// dumps, which is what a converter must merge across records.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entityTypeOf } from '../../src/import/musicbrainz/entity-type.ts';
import { LIST_KEYS, type MbEntityType } from '../../src/import/musicbrainz/mapping.ts';

export const ANSWER_FOLDERS = ['../fixtures/musicbrainz/', '../fixtures/musicbrainz-url-rels/'].map((folder) =>
  fileURLToPath(new URL(folder, import.meta.url)),
);

async function answerFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Writes the dumps into `dir` (answers in path order, each one's entities in its order); answers the lines written. */
export async function writeFixtureDumps(dir: string): Promise<number> {
  const lines = new Map<MbEntityType, string[]>();
  const add = (type: MbEntityType, entity: unknown) => {
    let list = lines.get(type);
    if (list === undefined) {
      list = [];
      lines.set(type, list);
    }
    list.push(JSON.stringify(entity));
  };
  for (const folder of ANSWER_FOLDERS)
    for (const file of await answerFiles(folder)) {
      const answer = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const type = 'id' in answer ? entityTypeOf(answer) : undefined;
      if (type !== undefined) add(type, answer);
      else
        for (const [key, listType] of Object.entries(LIST_KEYS))
          if (Array.isArray(answer[key])) for (const entity of answer[key]) add(listType, entity);
    }
  let count = 0;
  for (const [type, list] of lines) {
    await writeFile(join(dir, type), `${list.join('\n')}\n`);
    count += list.length;
  }
  return count;
}
