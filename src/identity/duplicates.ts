// Duplicate candidates: nodes blocked by name key, then scored on evidence (names, shared works, shared
// collaborators, overlapping years). The evidence and score are computed here, once, for both stores; the port
// only supplies the names and the facts.
import { readHop } from '../graph/hops.ts';
import type { GraphReads, IdentifierRecord, IdentityReads } from '../graph/store.ts';
import type { MergeableLabel } from './merge-plan.ts';
import { type CandidatePair, NameIndex, stepSync } from './name-index.ts';
import { type NamedNode, normaliseName } from './names.ts';

export { MAX_GROUP } from './name-index.ts';

export interface YearSpan {
  from: number;
  to: number;
}

/** What a node contributes to the evidence. */
export interface NodeFacts {
  slug: string;
  name: string;
  identifiers: { scheme: string; value: string }[];
  /** People: the works they are credited on. Works: the work itself (title and year). */
  works: { slug: string; title: string; year: number | null }[];
  /** People: their collaborators. Works: the people credited on it. */
  people: { slug: string; name: string }[];
  years: YearSpan | null;
  /** Works only: the kind ("ALBUM"). */
  kind: string | null;
}

/** NodeFacts with their names normalised once, however many pairs a node is in. */
interface KeyedFacts extends NodeFacts {
  nameKey: string;
  /** Normalised name → name as given. */
  peopleKeys: Map<string, { slug: string; name: string }>;
  workKeys: { slug: string; key: string; title: string; year: number | null }[];
}

const keyed = new WeakMap<NodeFacts, KeyedFacts>();
function keysOf(facts: NodeFacts): KeyedFacts {
  let out = keyed.get(facts);
  if (out === undefined) {
    out = {
      ...facts,
      nameKey: normaliseName(facts.name),
      peopleKeys: new Map(facts.people.map((p) => [normaliseName(p.name), p])),
      workKeys: facts.works.map((w) => ({ ...w, key: normaliseName(w.title) })),
    };
    keyed.set(facts, out);
  }
  return out;
}

export interface DuplicateEvidence {
  /** The normalised name both share. */
  nameKey: string;
  /** True when both names (not an alias) fold to it. */
  sameName: boolean;
  /** People: works both are credited on (one node, or one normalised title and year). Works: empty. */
  sharedWorks: string[];
  /** People: collaborators both have. Works: people credited on both. By normalised name. */
  sharedPeople: string[];
  yearsA: YearSpan | null;
  yearsB: YearSpan | null;
  /** Null when either side has no years. */
  yearsOverlap: boolean | null;
  /** Works only: both of one kind. */
  sameKind: boolean | null;
  reasons: string[];
}

export interface DuplicateCandidate {
  label: MergeableLabel;
  /** The pair in slug order. */
  a: string;
  b: string;
  score: number;
  evidence: DuplicateEvidence;
}

/** Pairs sharing a name key, each once, with the key they share (the primary names' key first). */
export function candidatePairs(names: readonly NamedNode[]): { pairs: CandidatePair[]; skippedKeys: string[] } {
  const index = new NameIndex();
  for (const node of names) index.set(node);
  return stepSync(index.pairSteps());
}

/** Two identifiers of one scheme with different values: two entities (two MBIDs are two people). */
export function identifiersDiffer(a: NodeFacts, b: NodeFacts): boolean {
  return a.identifiers.some((x) => b.identifiers.some((y) => y.scheme === x.scheme && y.value !== x.value));
}

/** One identifier on both: already one entity by identifier, which import-time resolution handles. */
export function identifierShared(a: NodeFacts, b: NodeFacts): boolean {
  return a.identifiers.some((x) => b.identifiers.some((y) => y.scheme === x.scheme && y.value === x.value));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const saturating = (n: number) => Math.min(n, 3) / 3;

/**
 * The evidence for one pair and its score in [0, 1]: a shared name 0.4 (an alias only, 0.3); shared works up to
 * 0.3 and shared people up to 0.2 for people (three or more count fully); for works shared credited people up to
 * 0.4 and one kind 0.1; overlapping years +0.1, years that cannot overlap −0.1.
 */
export function scorePair(
  label: MergeableLabel,
  a: NodeFacts,
  b: NodeFacts,
  key: string,
  sameName: boolean,
): { score: number; evidence: DuplicateEvidence } {
  const reasons: string[] = [
    sameName ? `both are named "${key}" once normalised` : `a name or alias of each normalises to "${key}"`,
  ];
  let score = sameName ? 0.4 : 0.3;
  const ka = keysOf(a);
  const kb = keysOf(b);
  const pairKeys = new Set([ka.nameKey, kb.nameKey]);
  // The pair themselves are no evidence: neither each other, nor (for people) anyone of their own name.
  const counts = (key: string, p: { slug: string }) =>
    key !== '' && p.slug !== a.slug && p.slug !== b.slug && !(label === 'Person' && pairKeys.has(key));
  const sharedPeople = [...ka.peopleKeys]
    .filter(([key, p]) => counts(key, p) && kb.peopleKeys.has(key) && counts(key, kb.peopleKeys.get(key) as { slug: string }))
    .map(([, p]) => p.name)
    .sort();
  let sharedWorks: string[] = [];
  if (label === 'Person') {
    sharedWorks = [
      ...new Set(
        ka.workKeys
          .filter((x) =>
            kb.workKeys.some(
              (y) => y.slug === x.slug || (x.key === y.key && (x.year === null || y.year === null || x.year === y.year)),
            ),
          )
          .map((x) => x.title),
      ),
    ].sort();
    score += 0.3 * saturating(sharedWorks.length) + 0.2 * saturating(sharedPeople.length);
    if (sharedWorks.length > 0)
      reasons.push(`credited on ${sharedWorks.length} work(s) of the same title: ${sharedWorks.join(', ')}`);
    if (sharedPeople.length > 0) reasons.push(`${sharedPeople.length} collaborator(s) in common: ${sharedPeople.join(', ')}`);
  } else {
    score += 0.4 * saturating(sharedPeople.length);
    if (sharedPeople.length > 0) reasons.push(`${sharedPeople.length} credited people in common: ${sharedPeople.join(', ')}`);
  }
  const sameKind = label === 'Work' && a.kind !== null && b.kind !== null ? a.kind === b.kind : null;
  if (sameKind) {
    score += 0.1;
    reasons.push(`both are of kind ${a.kind}`);
  }
  const yearsOverlap = a.years && b.years ? a.years.from <= b.years.to && b.years.from <= a.years.to : null;
  if (yearsOverlap === true) {
    score += 0.1;
    reasons.push('their years overlap');
  } else if (yearsOverlap === false) {
    score -= 0.1;
    reasons.push('their years do not overlap');
  }
  return {
    score: round(Math.max(0, Math.min(1, score))),
    evidence: {
      nameKey: key,
      sameName,
      sharedWorks,
      sharedPeople,
      yearsA: a.years,
      yearsB: b.years,
      yearsOverlap,
      sameKind,
      reasons,
    },
  };
}

/** The years a span covers: each year given, and the four-digit years that begin partial dates. */
function spanOf(values: readonly (string | number | null | undefined)[]): YearSpan | null {
  const years = values
    .map((v) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}/.test(v) ? Number(v.slice(0, 4)) : null))
    .filter((y): y is number => y !== null);
  return years.length === 0 ? null : { from: Math.min(...years), to: Math.max(...years) };
}

const identifierPairs = (ids: readonly IdentifierRecord[]) => ids.map(({ scheme, value }) => ({ scheme, value }));

/** The facts of these nodes, from batch port calls (one per kind of fact, whatever the number of nodes). */
export async function factsOf(
  store: GraphReads & IdentityReads,
  label: MergeableLabel,
  slugs: readonly string[],
): Promise<Map<string, NodeFacts>> {
  const facts = new Map<string, NodeFacts>();
  if (slugs.length === 0) return facts;
  const [identifiers, around] = await Promise.all([
    readHop(store, 'identifiersOf', slugs, label),
    store.creditedAround(label, slugs),
  ]);
  if (label === 'Person') {
    const people = await store.nodesBySlug('Person', slugs);
    slugs.forEach((slug, i) => {
      const person = people[i];
      if (!person) return;
      const { works, people: collaborators } = around[i] ?? { works: [], people: [] };
      facts.set(slug, {
        slug,
        name: person.name,
        identifiers: identifierPairs(identifiers[i] ?? []),
        works,
        people: collaborators,
        years: spanOf([...works.map((w) => w.year), person.beginDate, person.endDate, person.birthDate]),
        kind: null,
      });
    });
    return facts;
  }
  const works = await store.nodesBySlug('Work', slugs);
  slugs.forEach((slug, i) => {
    const work = works[i];
    if (!work) return;
    facts.set(slug, {
      slug,
      name: work.title,
      identifiers: identifierPairs(identifiers[i] ?? []),
      works: [{ slug, title: work.title, year: work.year }],
      people: around[i]?.people ?? [],
      years: spanOf([work.year, work.endYear, work.date]),
      kind: work.kind,
    });
  });
  return facts;
}

/** Slugs whose facts are read per port call while scoring: small enough for the embedded store to answer between yields. */
const FACTS_CHUNK = 64;

/** Whoever scores may pause here to let other work run (a Slicer's tick), or not at all. */
export type Pause = () => Promise<void> | void;

/**
 * The pairs as candidates: each scored from its nodes' facts, leaving out pairs already one entity by a shared
 * identifier or two by differing identifiers of one scheme; best first (score, then slugs), minScore 0.
 */
export async function scoreCandidates(
  store: GraphReads & IdentityReads,
  label: MergeableLabel,
  pairs: readonly CandidatePair[],
  pause: Pause = () => {},
): Promise<DuplicateCandidate[]> {
  const slugs = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort();
  const facts = new Map<string, NodeFacts>();
  for (let i = 0; i < slugs.length; i += FACTS_CHUNK) {
    for (const [slug, fact] of await factsOf(store, label, slugs.slice(i, i + FACTS_CHUNK))) facts.set(slug, fact);
    await pause();
  }
  const candidates: DuplicateCandidate[] = [];
  for (const pair of pairs) {
    await pause();
    const a = facts.get(pair.a);
    const b = facts.get(pair.b);
    if (!a || !b || identifierShared(a, b) || identifiersDiffer(a, b)) continue;
    const { score, evidence } = scorePair(label, a, b, pair.key, pair.sameName);
    candidates.push({ label, a: pair.a, b: pair.b, score, evidence });
  }
  return candidates.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

/**
 * Every candidate pair of the label scoring at least `minScore`, computed afresh from the store (the server answers
 * from a DuplicateFinder, which keeps its name index between calls).
 */
export async function possibleDuplicates(
  store: GraphReads & IdentityReads,
  label: MergeableLabel,
  minScore: number,
): Promise<{ candidates: DuplicateCandidate[]; skippedKeys: string[] }> {
  const { pairs, skippedKeys } = candidatePairs(await store.namesOf(label));
  const candidates = (await scoreCandidates(store, label, pairs)).filter((c) => c.score >= minScore);
  return { candidates, skippedKeys };
}
