// A seeded Discogs releases dump (discogs_YYYYMMDD_releases.xml's shape, one <release> a line), skewed as synthetic.ts is.
//
// Each release is a record as the dump gives it: main artists (one in ten with a "Feat." guest), a label, formats,
// `released`, a master, 6–12 tracks on two sides (one release in eight with its own track artists on a track), and
// credits: release-wide ones ("Producer, Recorded By", "Written-By [Lyrics By]", "Mastered By"), some limited to
// tracks ("A1 to A3", "B1, B2"), and track-level ones ("Remix", "Guitar, Bass"). Artists mostly appear once, the
// people behind the desk more often (a cubed uniform draw over the pool): a few are on thousands of releases.
// Records are written as they are made: memory stays flat whatever the size.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { NameMaker } from './names.ts';
import { createRandom } from './random.ts';

const DESK_ROLES = [
  'Producer',
  'Producer, Recorded By',
  'Recorded By, Mixed By',
  'Mastered By',
  'Written-By',
  'Written-By [Lyrics By]',
  'Producer [Co-producer]',
  'Engineer [Assistant]',
  'Arranged By',
  'Photography By',
  'Design',
  'Compiled By',
];
const TRACK_ROLES = ['Remix', 'Guitar, Bass', 'Guitar [Acoustic, 12-String]', 'Vocals', 'Drums', 'Keyboards', 'Featuring'];

const xml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export interface DiscogsDumpSummary {
  releases: number;
  /** Credits as the converter counts them: main artists on the release and each track, one per role and work. */
  credits: number;
  bytes: number;
}

/** Write a releases dump of about `credits` credits to `file`. */
export async function writeDiscogsDump(file: string, credits: number, seed = 'liner-bench'): Promise<DiscogsDumpSummary> {
  const random = createRandom(`${seed}:discogs:${credits}`);
  const names = new NameMaker(random);
  // About 30 credits a release (8 main-artist credits, the rest desk and track credits); people ≈ credits / 6.
  const people: string[] = [];
  const nameOf = (i: number) => {
    while (people.length <= i) {
      const n = people.length;
      // Discogs' own oddities: a namesake number on one name in twenty, an inverted article on one in forty.
      const base = n % 40 === 7 ? `${names.group().name.replace(/^The /, '')}, The` : names.person().name;
      people.push(n % 20 === 3 ? `${base} (${2 + (n % 9)})` : base);
    }
    return people[i] as string;
  };
  const pool = Math.max(10, Math.ceil(credits / 6));
  const skewed = () => Math.floor(pool * random.next() ** 3);
  const artist = (id: number, role = '', tracks = '', join = '', anv = '') =>
    `<artist><id>${id + 1}</id><name>${xml(nameOf(id))}</name><anv>${xml(anv)}</anv><join>${join}</join><role>${xml(role)}</role><tracks>${tracks}</tracks></artist>`;

  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<releases>\n');
  let written = 0;
  let bytes = 0;
  let releases = 0;
  for (let r = 1; written < credits; r++) {
    releases++;
    const year = 1960 + random.int(65);
    const main = [random.int(pool)];
    if (random.next() < 0.1) main.push(random.int(pool));
    const mainXml = main.map((id, i) => artist(id, '', '', i === 0 && main.length > 1 ? 'Feat.' : '')).join('');
    const trackCount = 6 + random.int(7);
    const positions = Array.from({ length: trackCount }, (_, i) =>
      i < trackCount / 2 ? `A${i + 1}` : `B${i + 1 - Math.ceil(trackCount / 2)}`,
    );
    let tracksXml = '';
    const ownArtists = random.next() < 0.125 ? random.int(trackCount) : -1;
    for (let t = 0; t < trackCount; t++) {
      let extra = '';
      if (random.next() < 0.3) {
        const role = random.pick(TRACK_ROLES);
        extra = `<extraartists>${artist(skewed(), role)}</extraartists>`;
        written += role === 'Guitar, Bass' ? 2 : 1;
      }
      const own = t === ownArtists ? `<artists>${artist(random.int(pool))}</artists>` : '';
      written += t === ownArtists ? 1 : main.length;
      const seconds = 120 + random.int(400);
      tracksXml += `<track><position>${positions[t]}</position><title>${xml(names.title())}</title><duration>${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}</duration>${own}${extra}</track>`;
    }
    written += main.length;
    let extrasXml = '';
    for (let k = 3 + random.int(6); k > 0; k--) {
      const role = random.pick(DESK_ROLES);
      const roles = role.split(/,(?![^[]*\])/).length;
      let tracks = '';
      let targets = 1;
      if (random.next() < 0.25) {
        const from = random.int(trackCount - 2);
        tracks = `${positions[from]} to ${positions[from + 2]}`;
        targets = 3;
      }
      extrasXml += artist(skewed(), role, tracks, '', random.next() < 0.05 ? 'A.N.V.' : '');
      // "Compiled By" is no Liner role: reported by the importer, not a credit.
      if (role !== 'Compiled By') written += roles * targets;
    }
    const title = names.title();
    const record =
      `<release id="${r}" status="Accepted"><artists>${mainXml}</artists><title>${xml(title)}</title>` +
      `<labels><label name="Label ${r % 997}" catno="CAT ${r}" id="${1 + (r % 997)}"/></labels>` +
      `<extraartists>${extrasXml}</extraartists>` +
      `<formats><format name="Vinyl" qty="1" text=""><descriptions><description>LP</description><description>Album</description></descriptions></format></formats>` +
      `<genres><genre>Electronic</genre></genres><styles><style>Techno</style></styles><country>Sweden</country>` +
      `<released>${year}-${String(1 + random.int(12)).padStart(2, '0')}-00</released><notes></notes><data_quality>Correct</data_quality>` +
      `<master_id is_main_release="true">${r}</master_id><tracklist>${tracksXml}</tracklist></release>\n`;
    bytes += Buffer.byteLength(record);
    await write(record);
  }
  await write('</releases>\n');
  out.end();
  await once(out, 'finish');
  return { releases, credits: written, bytes };
}
