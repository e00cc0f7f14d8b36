// A seeded MusicBrainz JSON dump of recordings (mbdump/recording's shape, one entity a line), skewed as synthetic.ts is.
//
// Each recording is a line as the dump gives it: title, length, first release date, ISRCs, an artist credit, and
// artist relationships (producer with co/executive/assistant, engineer, recording, mix, instrument with the
// instrument, vocal with "lead vocals", writer…). Like the synthetic catalogues: artists mostly one-offs (power law,
// exponent 2.3, up to 60 recordings), the people behind the desk with a heavier tail (1.8, up to 150), 2–5 desk
// relationships a recording, a featured artist on one in ten. Lines are written as they are made: memory stays flat.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { NameMaker } from './names.ts';
import { createRandom, type Random } from './random.ts';

interface DeskType {
  type: string;
  attributes: () => string[];
}

const INSTRUMENTS = ['guitar', 'bass guitar', 'drums (drum set)', 'piano', 'synthesizer', 'violin', 'saxophone'];
const VOCALS = ['lead vocals', 'background vocals', 'choir vocals'];

function deskTypes(random: Random): DeskType[] {
  const maybe = (p: number, word: string) => (random.next() < p ? [word] : []);
  return [
    { type: 'producer', attributes: () => (random.next() < 0.15 ? [random.pick(['co', 'executive', 'assistant'])] : []) },
    { type: 'engineer', attributes: () => maybe(0.2, 'assistant') },
    { type: 'recording', attributes: () => [] },
    { type: 'mix', attributes: () => [] },
    { type: 'mastering', attributes: () => [] },
    { type: 'instrument', attributes: () => [random.pick(INSTRUMENTS), ...maybe(0.1, 'guest')] },
    { type: 'vocal', attributes: () => [random.pick(VOCALS)] },
    { type: 'programming', attributes: () => maybe(0.1, 'additional') },
  ];
}

/** Ends of MBIDs drawn from the seeded generator: the same seed gives the same identifiers. */
function mbid(random: Random): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += random.int(16).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Person slots: each person owns as many slots as their career is long, handed out at random. */
function careers(random: Random, needed: number, exponent: number, max: number, add: () => number): Int32Array {
  const slots = new Int32Array(needed);
  let filled = 0;
  while (filled < needed) {
    const person = add();
    const career = random.powerLaw(exponent, max);
    for (let i = 0; i < career && filled < needed; i++) slots[filled++] = person;
  }
  for (let i = needed - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = slots[i] as number;
    slots[i] = slots[j] as number;
    slots[j] = t;
  }
  return slots;
}

export interface DumpSummary {
  recordings: number;
  relationships: number;
  bytes: number;
}

/** Write a dump of about `relationships` relationships (artist credits and artist–recording relations) to `file`. */
export async function writeMusicBrainzDump(file: string, relationships: number, seed = 'liner-bench'): Promise<DumpSummary> {
  const random = createRandom(`${seed}:musicbrainz:${relationships}`);
  const names = new NameMaker(random);
  const people: { id: string; name: string; sortName: string }[] = [];
  const addPerson = () => {
    const { name } = names.person();
    const words = name.split(' ');
    people.push({
      id: mbid(random),
      name,
      sortName: words.length > 1 ? `${words.at(-1)}, ${words.slice(0, -1).join(' ')}` : name,
    });
    return people.length - 1;
  };
  // About 4.6 relationships a recording, as the synthetic catalogue has credits per work.
  const recordings = Math.ceil(relationships / 4.6);
  const artists = careers(random, recordings, 2.3, 60, addPerson);
  const desk = careers(random, relationships, 1.8, 150, addPerson);
  const types = deskTypes(random);
  const out = createWriteStream(file);
  let written = 0;
  let bytes = 0;
  let deskAt = 0;
  const artistRef = (p: number) => {
    const person = people[p] as (typeof people)[number];
    return { id: person.id, name: person.name, 'sort-name': person.sortName, type: 'Person', disambiguation: '' };
  };
  for (let r = 0; r < recordings && written < relationships; r++) {
    const year = 1960 + random.int(65);
    const { title } = names.work(year);
    const primary = artists[r] as number;
    const credit: unknown[] = [
      { name: (people[primary] as (typeof people)[number]).name, joinphrase: '', artist: artistRef(primary) },
    ];
    if (random.next() < 0.1) {
      const featured = artists[(r * 7919) % recordings] as number;
      if (featured !== primary) {
        (credit[0] as { joinphrase: string }).joinphrase = ' feat. ';
        credit.push({ name: (people[featured] as (typeof people)[number]).name, joinphrase: '', artist: artistRef(featured) });
      }
    }
    written += credit.length;
    const relations: unknown[] = [];
    const seen = new Set<string>();
    for (let k = 2 + random.int(4); k > 0 && written < relationships; k--) {
      const person = desk[deskAt++ % desk.length] as number;
      const { type, attributes } = random.pick(types);
      if (seen.has(`${person}|${type}`)) continue;
      seen.add(`${person}|${type}`);
      const attrs = attributes();
      relations.push({
        type,
        'type-id': '5c0ceac3-feb4-41f0-868d-dc06f6e27fc0',
        'target-type': 'artist',
        direction: 'backward',
        attributes: attrs,
        'attribute-values': {},
        'attribute-ids': {},
        begin: null,
        end: null,
        ended: false,
        'source-credit': '',
        'target-credit': '',
        artist: artistRef(person),
      });
      written++;
    }
    const line = JSON.stringify({
      id: mbid(random),
      title,
      length: 120_000 + random.int(300_000),
      video: false,
      disambiguation: '',
      'first-release-date': `${year}-${String(1 + random.int(12)).padStart(2, '0')}`,
      isrcs: [],
      'artist-credit': credit,
      relations,
    });
    bytes += Buffer.byteLength(line) + 1;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { recordings, relationships: written, bytes };
}
