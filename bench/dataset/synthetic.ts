// A seeded synthetic catalogue in the liner-dataset format, skewed like real credits, plus the slugs benchmarks ask about.
import type { DatasetInput, Role, WorkKind } from '../../src/dataset/format.ts';
import { NameMaker } from './names.ts';
import { createRandom } from './random.ts';

export interface SyntheticOptions {
  /** Credit edges (CREDITED relationships) to generate, exactly. */
  credits: number;
  seed?: string;
}

/** What the benchmark scenarios ask about, chosen when the data is made so every run asks the same. */
export interface BenchManifest {
  seed: string;
  credits: number;
  people: number;
  works: number;
  /** The two most prolific people: a producer and an engineer with fixed careers, sharing some works. */
  prolific: [string, string];
  /** A one-off artist and the person farthest from them (within MAX_HOPS), and how many hops apart. */
  distant: { from: string; to: string; hops: number };
  /** An ordinary person to look up by slug. */
  probe: string;
  /** People and works to add credits between in the mutation scenario. */
  samplePeople: string[];
  sampleWorks: string[];
}

const DOCUMENT = 'synthetic-catalogue';
/** The two named stars have this many credits at every scale, so their queries cost the same as the graph grows. */
const STAR_CREDITS = 150;
const STAR_SHARED_WORKS = 40;
const DESK_ROLES: Role[] = [
  'PRODUCER',
  'CO_PRODUCER',
  'ENGINEER',
  'RECORDING_ENGINEER',
  'ASSISTANT_ENGINEER',
  'MIXER',
  'SONGWRITER',
  'COMPOSER',
];
const CREDIT_WORDS: Partial<Record<Role, string>> = {
  PRIMARY_ARTIST: 'Performed by',
  FEATURED_ARTIST: 'Featuring',
  PERFORMER: 'Played by',
  PRODUCER: 'Produced by',
  CO_PRODUCER: 'Co-produced by',
  ENGINEER: 'Engineered by',
  RECORDING_ENGINEER: 'Recorded by',
  ASSISTANT_ENGINEER: 'Assistant engineer',
  MIXER: 'Mixed by',
  COMPOSER: 'Composed by',
  SONGWRITER: 'Written by',
  DIRECTOR: 'Directed by',
  CONTRIBUTOR: 'With',
};
const AWARDS = ['Grammy Award', 'Latin Grammy Award', 'Juno Award'];
const CATEGORIES = ['Album of the Year', 'Best Engineered Album', 'Best Rock Album', 'Producer of the Year', 'Best Pop Album'];
const MAX_HOPS = 6;

const source = (quote: string) => [{ document: DOCUMENT, quote }];

interface Person {
  slug: string;
  name: string;
  isGroup: boolean;
}

interface Work {
  slug: string;
  title: string;
  kind: WorkKind;
  year: number;
}

/** People handed out slot by slot: each person owns as many slots as their career is long, shuffled. */
function careerSlots(random: ReturnType<typeof createRandom>, needed: number, exponent: number, max: number, add: () => number) {
  const slots: number[] = [];
  while (slots.length < needed) {
    const person = add();
    const career = random.powerLaw(exponent, max);
    for (let i = 0; i < career; i++) slots.push(person);
  }
  return random.shuffle(slots);
}

export function generateSynthetic({ credits, seed = 'liner-bench' }: SyntheticOptions): {
  dataset: DatasetInput;
  manifest: BenchManifest;
} {
  if (!Number.isInteger(credits) || credits < 2 * STAR_CREDITS + 100)
    throw new Error(`credits must be a whole number of at least ${2 * STAR_CREDITS + 100}`);
  const random = createRandom(`${seed}:${credits}`);
  const names = new NameMaker(random);
  const people: Person[] = [];
  const works: Work[] = [];
  const creditPerson: number[] = [];
  const creditWork: number[] = [];
  const creditRole: Role[] = [];
  const addPerson = (isGroup = false) => {
    const { name, slug } = isGroup ? names.group() : names.person();
    people.push({ name, slug, isGroup });
    return people.length - 1;
  };
  const credit = (person: number, work: number, role: Role) => {
    creditPerson.push(person);
    creditWork.push(work);
    creditRole.push(role);
  };

  // Positions to fill: a primary artist per work, sometimes a featured one, and 2–5 distinct desk roles, so no
  // (person, work, role) can repeat. About 4.6 credits per work.
  const budget = credits - 2 * STAR_CREDITS;
  const artistPositions: [work: number, role: Role][] = [];
  const deskPositions: [work: number, role: Role][] = [];
  while (artistPositions.length + deskPositions.length < budget) {
    const year = 1960 + random.int(65);
    const { title, slug } = names.work(year);
    works.push({ slug, title, year, kind: random.next() < 0.7 ? 'ALBUM' : 'SONG' });
    const work = works.length - 1;
    artistPositions.push([work, 'PRIMARY_ARTIST']);
    if (random.next() < 0.1) artistPositions.push([work, 'FEATURED_ARTIST']);
    for (const role of random.shuffle([...DESK_ROLES]).slice(0, 2 + random.int(4))) deskPositions.push([work, role]);
  }
  deskPositions.length = Math.max(0, budget - artistPositions.length);

  // Artists: mostly one-offs (exponent 2.3, at most 60 works); one in twenty with a career is a group.
  const groups: number[] = [];
  const artistSlots = careerSlots(random, artistPositions.length, 2.3, 60, () => {
    const isGroup = random.next() < 0.05;
    const id = addPerson(isGroup);
    if (isGroup) groups.push(id);
    return id;
  });
  const primaryOf = new Map<number, number>();
  artistPositions.forEach(([work, role], i) => {
    let person = artistSlots[i] as number;
    if (role === 'FEATURED_ARTIST' && primaryOf.get(work) === person) person = artistSlots[artistSlots.length - 1 - i] as number;
    if (role === 'FEATURED_ARTIST' && primaryOf.get(work) === person) return;
    if (role === 'PRIMARY_ARTIST') primaryOf.set(work, person);
    credit(person, work, role);
  });

  // The people behind the desk: a heavier tail (exponent 1.8, up to 150 works), so a few are prolific.
  const deskSlots = careerSlots(random, deskPositions.length, 1.8, STAR_CREDITS, () => addPerson());
  deskPositions.forEach(([work, role], i) => {
    credit(deskSlots[i] as number, work, role);
  });

  // Two named stars with fixed careers that overlap on some works: the "two prolific people" benchmarks ask about.
  const producer = addPerson();
  const engineer = addPerson();
  const order = random.shuffle(works.map((_, i) => i));
  const producerWorks = order.slice(0, STAR_CREDITS);
  const engineerWorks = [
    ...producerWorks.slice(0, STAR_SHARED_WORKS),
    ...order.slice(STAR_CREDITS, 2 * STAR_CREDITS - STAR_SHARED_WORKS),
  ];
  for (const work of producerWorks) credit(producer, work, 'PRODUCER');
  for (const work of engineerWorks) credit(engineer, work, 'MIXER');
  // Top up with extra desk credits on fresh works if dropped featured credits left the count short.
  while (creditPerson.length < credits) {
    const year = 1960 + random.int(65);
    const { title, slug } = names.work(year);
    works.push({ slug, title, year, kind: 'SONG' });
    credit(deskSlots[random.int(deskSlots.length)] as number, works.length - 1, 'PRODUCER');
  }

  // Groups have two to four members who appear only through the group.
  const memberships: { person: string; group: string }[] = [];
  for (const group of groups) {
    const size = 2 + random.int(3);
    for (let i = 0; i < size; i++)
      memberships.push({ person: (people[addPerson()] as Person).slug, group: (people[group] as Person).slug });
  }

  // Songs on albums, and award wins for about one work in a hundred.
  const albums = works.map((w, i) => (w.kind === 'ALBUM' ? i : -1)).filter((i) => i >= 0);
  const workLinks = works.flatMap((w, i) =>
    w.kind === 'SONG' && albums.length > 0 && random.next() < 0.5
      ? [{ from: w.slug, to: (works[random.pick(albums)] as Work).slug, type: 'PART_OF' as const }]
      : [],
  );
  const awards = AWARDS.map((name) => ({ name, slug: name.toLowerCase().replace(/ /g, '-') }));
  const awardWins = works.flatMap((w, i) => {
    if (random.next() >= 0.01) return [];
    const award = random.pick(awards);
    const artist = primaryOf.get(i);
    return [
      {
        slug: `${award.slug}-${w.year + 1}-${w.slug}`,
        award: award.slug,
        category: random.pick(CATEGORIES),
        year: w.year + 1,
        work: w.slug,
        recipients: artist === undefined ? [] : [(people[artist] as Person).slug],
        sources: source(`${award.name} ${w.year + 1}: ${w.title}`),
      },
    ];
  });

  const dataset: DatasetInput = {
    format: 'liner-dataset',
    version: 1,
    documents: [{ slug: DOCUMENT, title: `Synthetic catalogue (${credits} credits, seed ${seed})` }],
    people: people.map((p) => ({ slug: p.slug, name: p.name, isGroup: p.isGroup, sources: source(`Artist: ${p.name}`) })),
    works: works.map((w) => ({
      slug: w.slug,
      title: w.title,
      kind: w.kind,
      year: w.year,
      sources: source(`${w.title} (${w.year})`),
    })),
    awards: awards.map((a) => ({ ...a, sources: source(a.name) })),
    credits: creditPerson.map((person, i) => {
      const p = people[person] as Person;
      const role = creditRole[i] as Role;
      return {
        person: p.slug,
        work: (works[creditWork[i] as number] as Work).slug,
        role,
        sources: source(`${CREDIT_WORDS[role] ?? 'Credited:'} ${p.name}`),
      };
    }),
    workLinks: workLinks.map((l) => ({ ...l, sources: source('Track listing') })),
    memberships: memberships.map((m) => ({ ...m, sources: source('Band members') })),
    awardWins,
  };

  const manifest: BenchManifest = {
    seed,
    credits,
    people: people.length,
    works: works.length,
    prolific: [(people[producer] as Person).slug, (people[engineer] as Person).slug],
    distant: farthestPair(people.length, works.length, creditPerson, creditWork, producer, random.next(), people),
    probe: (people[random.int(people.length)] as Person).slug,
    samplePeople: Array.from({ length: 200 }, () => (people[random.int(people.length)] as Person).slug),
    sampleWorks: Array.from({ length: 200 }, () => (works[random.int(works.length)] as Work).slug),
  };
  return { dataset, manifest };
}

/**
 * A one-off artist in the big component and the person farthest from them by collaboration hops (person → work →
 * person), at most MAX_HOPS away; ties go to the smallest slug so the choice is stable.
 */
function farthestPair(
  peopleCount: number,
  worksCount: number,
  creditPerson: readonly number[],
  creditWork: readonly number[],
  hub: number,
  pick: number,
  people: readonly Person[],
): BenchManifest['distant'] {
  // Compressed adjacency over one node space: people first, then works.
  const n = peopleCount + worksCount;
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < creditPerson.length; i++) {
    const p = (creditPerson[i] as number) + 1;
    const w = peopleCount + (creditWork[i] as number) + 1;
    degree[p] = (degree[p] as number) + 1;
    degree[w] = (degree[w] as number) + 1;
  }
  for (let i = 1; i <= n; i++) degree[i] = (degree[i] as number) + (degree[i - 1] as number);
  const edges = new Int32Array(2 * creditPerson.length);
  const fill = degree.slice(0, n);
  for (let i = 0; i < creditPerson.length; i++) {
    const p = creditPerson[i] as number;
    const w = peopleCount + (creditWork[i] as number);
    edges[(fill[p] as number)++] = w;
    edges[(fill[w] as number)++] = p;
  }
  const bfs = (start: number) => {
    const distance = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    distance[start] = 0;
    queue[tail++] = start;
    while (head < tail) {
      const node = queue[head++] as number;
      for (let e = degree[node] as number; e < (degree[node + 1] as number); e++) {
        const next = edges[e] as number;
        if (distance[next] === -1) {
          distance[next] = (distance[node] as number) + 1;
          queue[tail++] = next;
        }
      }
    }
    return distance;
  };
  const fromHub = bfs(hub);
  const oneOffs: number[] = [];
  for (let p = 0; p < peopleCount; p++)
    if ((fromHub[p] as number) > 0 && (degree[p + 1] as number) - (degree[p] as number) === 1) oneOffs.push(p);
  const from = oneOffs[Math.floor(pick * oneOffs.length)] ?? hub;
  const distance = bfs(from);
  let best = -1;
  let to = from;
  for (let p = 0; p < peopleCount; p++) {
    const d = distance[p] as number;
    if (d <= 0 || d > 2 * MAX_HOPS) continue;
    const slug = (people[p] as Person).slug;
    if (d > best || (d === best && slug < (people[to] as Person).slug)) {
      best = d;
      to = p;
    }
  }
  return { from: (people[from] as Person).slug, to: (people[to] as Person).slug, hops: best / 2 };
}
