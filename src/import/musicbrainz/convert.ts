// Converts MusicBrainz entities (web-service answers or dump lines, one at a time) into Liner dataset entries, merged
// by MBID, handed to a sink as they are finished.
//
// Every node is an MBID, and any later line may name it again and add to it: a recording is on every release that
// has it, in its own dump, and in its artists' and works' relations; an artist is on all of theirs. So what a record
// finishes is only what never changes once made: the document of each node it met first, and the places (areas),
// which are made whole. Artists and works wait until `finish`, each with the facts stated from it (a work's credits
// and its links to other works, an artist's memberships and associations), as do the slugs and identifiers taken, in
// SpillMaps: the recently used in memory, the rest on disk. A record given twice merges as it always did.
import type { Section } from '../../dataset/dataset-lines.ts';
import type { IdentifierScheme, Role, WorkKind } from '../../dataset/format.ts';
import { IDENTIFIER_PAGES, IDENTIFIER_SCHEMES } from '../../dataset/format.ts';
import { slugify } from '../../dataset/slug.ts';
import { addSource } from '../add-source.ts';
import { bump, ConverterBase, type ConverterOptions, type Json } from '../converter-base.ts';
import type {
  WorkEntry as BaseWorkEntry,
  CreditEntry,
  Identifier,
  MembershipEntry,
  PersonEntry,
  Sourced,
  WorkLinkEntry,
} from '../dataset-entries.ts';
import type { EntrySink } from '../entry-sink.ts';
import { findByPair, type PairOf, pushByPair } from '../find-by-pair.ts';
import { pushUnique } from '../push-unique.ts';
import type { SpillMap } from '../spill-map.ts';
import { MusicBrainzInputError } from './errors.ts';
import {
  ARTIST_KINDS,
  ARTIST_LINK_TYPES,
  CREDIT_TYPES,
  creditRole,
  GROUP_KINDS,
  LIST_KEYS,
  MB_ENTITY_TYPES,
  type MbEntityType,
  RECORDING_WORK_TYPES,
  RELEASE_GROUP_KINDS,
  URL_IDENTIFIERS,
  WORK_KIND_OF,
} from './mapping.ts';
import { artistCreditQuote, dateSpan, entityQuote, relationQuote, trackQuote } from './quotes.ts';

/** MusicBrainz gives every work its MBID: the identifier list is always there. */
type WorkEntry = BaseWorkEntry & { identifiers: Identifier[] };
interface PlaceEntry extends Sourced {
  slug: string;
  name: string;
  identifiers: Identifier[];
}
interface Linked extends Sourced {
  attributes?: string[];
  beginDate?: string;
  endDate?: string;
}
interface AssociationEntry extends Linked {
  from: string;
  to: string;
  type: string;
}

/**
 * An artist or work node: what relationship handling needs (how it is named in a quote, the document its facts cite),
 * its entry, and the facts stated from it. A fact is kept with the node it belongs to as MusicBrainz's own keys say
 * (a credit with its work, a work link with its `from` work, a membership with its member, an association with its
 * `from`), so a line's facts cost no look-up beyond the nodes it names, and leave with them.
 */
interface NodeRef {
  type: MbEntityType;
  mbid: string;
  slug: string;
  name: string;
  document: string;
  entry: PersonEntry | WorkEntry;
  /** A work's credits, told apart by person and role. */
  credits?: CreditEntry[];
  /** A work's links to other works, told apart by the other work and the type. */
  links?: WorkLinkEntry[];
  /** An artist's memberships of groups, told apart by the group. */
  memberships?: MembershipEntry[];
  /** An artist's associations with others, told apart by the other and the type. */
  associations?: AssociationEntry[];
}

/** The MBID that took a slug or an identifier: one of each names one node. */
interface Owner {
  mbid: string;
}

export type MusicBrainzConverterOptions = ConverterOptions;

/** What an import read and could not use, for the summary: nothing is dropped without being counted here. */
export interface ConversionStats {
  /** Entities read, by MusicBrainz type, nested ones included (a release's recordings, a relation's artist). */
  entities: Record<string, number>;
  /** Relationships read: MusicBrainz relations, artist-credit names, tracks and release → release group links. */
  relationships: number;
  /** Relationship types with no mapping, as `artist-label/publishing`, with how often each was seen. */
  unknownRelationships: Record<string, number>;
  /** URL relationships that name no identifier (official homepage, social network…), by type. */
  urlRelationshipsNotKept: Record<string, number>;
  /** Identifiers MusicBrainz gives two entities (an ISRC on two recordings): kept on the first entity only. */
  sharedIdentifiers: Record<string, number>;
  /** Values that are not what they claim (a malformed ISNI, a date like "1990-00"), dropped, by field. */
  invalidValues: Record<string, number>;
}

const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FEATURING = /\b(?:feat\.?|featuring|ft\.)\s*$/i;
/** `partialDate` of format.ts as a bare regex: a dump has millions of dates and zod per value costs more than the rest. */
const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** LIST_KEYS as pairs: walked for every artist, where a for-in over the object costs more than the rest of the check. */
const LIST_ENTRIES = Object.entries(LIST_KEYS);

/** A JSON value as text: the empty string is no value. (Discogs's `str` also trims, and takes numbers: its dumps are XML.) */
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const NO_ATTRIBUTES: string[] = [];
const CREDIT: PairOf<CreditEntry> = { first: (c) => c.person, second: (c) => c.role };
const LINK: PairOf<WorkLinkEntry> = { first: (l) => l.to, second: (l) => l.type };
const MEMBERSHIP: PairOf<MembershipEntry> = { first: (m) => m.group, second: () => '' };
const ASSOCIATION: PairOf<AssociationEntry> = { first: (a) => a.to, second: (a) => a.type };

/** The fact told apart from the others of `list` by `first` and `second`, made by `make` and added when not there. */
function factIn<T>(list: T[], pairOf: PairOf<T>, first: string, second: string, make: () => T): T {
  let fact = findByPair(list, pairOf, first, second);
  if (fact === undefined) {
    fact = make();
    pushByPair(list, pairOf, fact);
  }
  return fact;
}

function union(entry: { attributes?: string[] }, attributes: readonly string[]): void {
  if (attributes.length === 0) return;
  if (!entry.attributes) {
    entry.attributes = [...attributes];
    return;
  }
  for (const a of attributes) pushUnique(entry.attributes, a);
}

/** The relation's attributes as MusicBrainz words them, with a value where it has one ("number: 3"). */
function relationAttributes(r: Json): string[] {
  if (!Array.isArray(r.attributes) || r.attributes.length === 0) return NO_ATTRIBUTES;
  const names = Array.isArray(r.attributes) ? (r.attributes as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  const values = (r['attribute-values'] ?? {}) as Record<string, unknown>;
  return names.map((name) => (typeof values[name] === 'string' && values[name] !== '' ? `${name}: ${values[name]}` : name));
}

/** The MusicBrainz type of a relation's target, as the importer names entity types (`release_group` → `release-group`). */
function targetTypeOf(r: Json): string {
  const type = r['target-type'];
  return type === 'release_group' ? 'release-group' : typeof type === 'string' ? type : '';
}

export class MusicBrainzConverter extends ConverterBase {
  readonly stats: ConversionStats = {
    entities: {},
    relationships: 0,
    unknownRelationships: {},
    urlRelationshipsNotKept: {},
    sharedIdentifiers: {},
    invalidValues: {},
  };
  // Met on many records: kept until the end.
  /** Every artist and work node by MBID, with its facts: made once, so a repeated entity costs a lookup. */
  private readonly nodes: SpillMap<NodeRef>;
  /** Areas by MBID: a place is finished when made, so only its slug is kept. */
  private readonly places: SpillMap<{ slug: string }>;
  /** `section:slug` → the MBID that took it: a clash of 8-hex prefixes gets the whole MBID. */
  private readonly slugOwners: SpillMap<Owner>;
  /** `scheme value` → the MBID of the entity it names: one identifier names one node. */
  private readonly identifierOwners: SpillMap<Owner>;
  // The record being read: handed to the sink and cleared when it ends.
  private readonly documents: { slug: string; title: string; url: string; kind: 'MUSICBRAINZ'; licence: string }[] = [];
  private readonly newPlaces: PlaceEntry[] = [];

  constructor(sink: EntrySink, options: MusicBrainzConverterOptions = {}) {
    super(sink, options, MusicBrainzInputError);
    this.nodes = this.spillMap();
    this.places = this.spillMap();
    this.slugOwners = this.spillMap();
    this.identifierOwners = this.spillMap();
  }

  /**
   * Add one entity as an answer or a dump line gives it. `file` and `line` only name the place in error messages;
   * `path` is the entity's JSON path in that document (`$`, `$.recordings[3]`).
   */
  addEntity(type: MbEntityType, entity: unknown, file: string, path = '$', line?: number): void {
    this.file = file;
    this.where = line === undefined ? undefined : `line ${line}`;
    this.record(() => this.entity(type, this.object(entity, path), path));
  }

  private mbid(entity: Json, path: string): string {
    const id = entity.id;
    if (id === undefined || id === null || id === '') this.fail(`${path}.id`, 'missing MBID (`id`)');
    if (typeof id !== 'string' || !MBID.test(id)) this.fail(`${path}.id`, `"${String(id)}" is not an MBID`);
    return id;
  }

  private date(value: unknown, field: string): string | undefined {
    const text = str(value);
    if (text === undefined) return undefined;
    if (DATE.test(text)) return text;
    bump(this.stats.invalidValues, field);
    return undefined;
  }

  private document(type: string, mbid: string, name: string): string {
    // Made once per node (one node per MBID, areas apart under their own type): never there already, so no lookup.
    const slug = `musicbrainz-${type}-${mbid}`;
    this.documents.push({
      slug,
      title: `MusicBrainz ${type}: ${name}`,
      url: `https://musicbrainz.org/${type}/${mbid}`,
      kind: 'MUSICBRAINZ',
      // MusicBrainz's core data is in the public domain; tags, ratings and annotations, which are not, are left out.
      licence: 'CC0 1.0',
    });
    return slug;
  }

  private slugFor(section: 'people' | 'works' | 'places', name: string, mbid: string): string {
    const base = slugify(name);
    let slug = base ? `${base}-${mbid.slice(0, 8)}` : mbid.slice(0, 8);
    let owner = this.slugOwners.get(`${section}:${slug}`);
    if (owner !== undefined && owner.mbid !== mbid) {
      slug = base ? `${base}-${mbid.replaceAll('-', '')}` : mbid.replaceAll('-', '');
      owner = this.slugOwners.get(`${section}:${slug}`);
    }
    // The slug is this MBID's from now on, as a Map's set would make it.
    if (owner === undefined) this.slugOwners.add(`${section}:${slug}`, { mbid });
    else owner.mbid = mbid;
    return slug;
  }

  /** An identifier for the entity `mbid`, unless malformed (counted) or already naming another entity (counted). */
  private identify(
    entry: { identifiers: Identifier[] },
    mbid: string,
    scheme: IdentifierScheme,
    raw: string,
    url?: string,
  ): void {
    // A node's own MBID is checked and unique already (one node per MBID): no second look.
    if (scheme === 'MUSICBRAINZ') {
      const own = { scheme, value: raw, url: url as string };
      if (entry.identifiers.length === 0) entry.identifiers = [own];
      else entry.identifiers.push(own);
      return;
    }
    const value = scheme === 'ISRC' || scheme === 'ISWC' ? raw.toUpperCase() : raw;
    if (!IDENTIFIER_SCHEMES[scheme].test(value)) {
      bump(this.stats.invalidValues, scheme);
      return;
    }
    const key = `${scheme} ${value.toLowerCase()}`;
    const owner = this.identifierOwners.get(key);
    if (owner !== undefined) {
      if (owner.mbid !== mbid) bump(this.stats.sharedIdentifiers, scheme);
      return;
    }
    this.identifierOwners.add(key, { mbid });
    const page = url ?? IDENTIFIER_PAGES[scheme]?.(value);
    entry.identifiers.push(page ? { scheme, value, url: page } : { scheme, value });
  }

  private identifierList(entry: { identifiers: Identifier[] }, mbid: string, scheme: IdentifierScheme, list: unknown): void {
    if (!Array.isArray(list)) return;
    for (const value of list) if (typeof value === 'string' && value !== '') this.identify(entry, mbid, scheme, value);
  }

  // Entities ----------------------------------------------------------------------------------------------------------

  private entity(type: MbEntityType, e: Json, path: string): NodeRef {
    bump(this.stats.entities, type);
    switch (type) {
      case 'artist':
        return this.artist(e, path);
      case 'release-group':
        return this.releaseGroup(e, path);
      case 'release':
        return this.release(e, path);
      case 'recording':
        return this.recording(e, path);
      case 'work':
        return this.composition(e, path);
    }
  }

  private artist(a: Json, path: string): NodeRef {
    const id = this.mbid(a, path);
    let ref = this.nodes.get(id);
    if (ref === undefined) {
      const name = this.named(a, 'name', path);
      const p: PersonEntry = {
        slug: this.slugFor('people', name, id),
        name,
        isGroup: false,
        aliases: [],
        identifiers: [],
        sources: [],
      };
      this.identify(p, id, 'MUSICBRAINZ', id, `https://musicbrainz.org/artist/${id}`);
      const document = this.document('artist', id, name);
      addSource(p, document, entityQuote('artist', name));
      ref = { type: 'artist', mbid: id, slug: p.slug, name, document, entry: p };
      this.nodes.add(id, ref);
    } else if (ref.type !== 'artist') this.fail(`${path}.id`, `MBID ${id} was read before as a ${ref.type}`);
    const p = ref.entry as PersonEntry;
    const kind = ARTIST_KINDS[String(a.type)];
    if (kind && (p.kind === undefined || p.kind === 'OTHER')) p.kind = kind;
    if (kind && GROUP_KINDS.has(kind)) p.isGroup = true;
    p.gender ??= str(a.gender);
    p.sortName ??= str(a['sort-name']);
    p.disambiguation ??= str(a.disambiguation);
    const country = str(a.country);
    if (country !== undefined && p.country === undefined) {
      if (/^[A-Z]{2}$/.test(country)) p.country = country;
      else bump(this.stats.invalidValues, 'country');
    }
    const span = a['life-span'] as Json | undefined;
    if (span && typeof span === 'object') {
      p.beginDate ??= this.date(span.begin, 'beginDate');
      p.endDate ??= this.date(span.end, 'endDate');
      if (span.ended === true) p.ended = true;
    }
    if (a.area && typeof a.area === 'object' && p.area === undefined) p.area = this.area(a.area as Json, `${path}.area`);
    if (Array.isArray(a.aliases))
      for (const alias of a.aliases as Json[]) {
        const name = str(alias?.name);
        if (name !== undefined && name !== p.name) pushUnique(p.aliases, name);
      }
    this.identifierList(p, id, 'IPI', a.ipis);
    this.identifierList(p, id, 'ISNI', a.isnis);
    this.relations(ref, a, path);
    this.nestedLists(a, path);
    return ref;
  }

  private area(area: Json, path: string): string {
    const id = this.mbid(area, path);
    const known = this.places.get(id);
    if (known !== undefined) return known.slug;
    const name = this.named(area, 'name', path);
    // Nothing changes a place once made: it goes out with this record, and only its slug stays.
    const place: PlaceEntry = { slug: this.slugFor('places', name, id), name, identifiers: [], sources: [] };
    this.identify(place, id, 'MUSICBRAINZ', id, `https://musicbrainz.org/area/${id}`);
    this.places.add(id, { slug: place.slug });
    addSource(place, this.document('area', id, name), entityQuote('area', name));
    this.newPlaces.push(place);
    return place.slug;
  }

  /** The work node of a recording, release, release group or composition, created on first sight. */
  private work(
    type: Exclude<MbEntityType, 'artist'>,
    e: Json,
    path: string,
    kind: WorkKind,
  ): { ref: NodeRef; w: WorkEntry; id: string } {
    const id = this.mbid(e, path);
    let ref = this.nodes.get(id);
    if (ref === undefined) {
      const title = this.named(e, 'title', path);
      const w: WorkEntry = { slug: this.slugFor('works', title, id), title, kind, identifiers: [], sources: [] };
      this.identify(w, id, 'MUSICBRAINZ', id, `https://musicbrainz.org/${type}/${id}`);
      const document = this.document(type, id, title);
      addSource(w, document, entityQuote(type, title));
      ref = { type, mbid: id, slug: w.slug, name: title, document, entry: w };
      this.nodes.add(id, ref);
    } else if (ref.type !== type) this.fail(`${path}.id`, `MBID ${id} was read before as a ${ref.type}`);
    const w = ref.entry as WorkEntry;
    if (w.disambiguation === undefined && e.disambiguation) w.disambiguation = str(e.disambiguation);
    return { ref, w, id };
  }

  private dated(w: WorkEntry, value: unknown): void {
    if (w.date !== undefined) return;
    const date = this.date(value, 'date');
    if (date === undefined) return;
    w.date = date;
    w.year = Number(date.slice(0, 4));
  }

  private releaseGroup(rg: Json, path: string): NodeRef {
    const primary = str(rg['primary-type']);
    const { ref, w } = this.work('release-group', rg, path, WORK_KIND_OF['release-group']);
    // A release group seen first without its primary type (nested in a search answer) learns it later.
    if (primary !== undefined && w.kind === 'RELEASE_GROUP') w.kind = RELEASE_GROUP_KINDS[primary] ?? 'RELEASE_GROUP';
    this.dated(w, rg['first-release-date']);
    this.artistCredit(ref, rg, path);
    this.relations(ref, rg, path);
    if (Array.isArray(rg.releases))
      (rg.releases as unknown[]).forEach((release, i) => {
        const at = `${path}.releases[${i}]`;
        const r = this.entity('release', this.object(release, at), at);
        this.stats.relationships++;
        this.link(r, ref, 'EDITION_OF', r.document, relationQuote(r.name, 'release of', [], ref.name));
      });
    return ref;
  }

  private release(r: Json, path: string): NodeRef {
    const { ref, w } = this.work('release', r, path, 'RELEASE');
    this.dated(w, r.date);
    const group = r['release-group'];
    if (group && typeof group === 'object') {
      const at = `${path}.release-group`;
      const g = this.entity('release-group', group as Json, at);
      this.stats.relationships++;
      this.link(ref, g, 'EDITION_OF', ref.document, relationQuote(ref.name, 'release of', [], g.name));
    }
    this.artistCredit(ref, r, path);
    this.relations(ref, r, path);
    if (Array.isArray(r.media))
      (r.media as Json[]).forEach((medium, m) => {
        if (!medium || typeof medium !== 'object') return;
        // A lookup lists `tracks` with positions; a search answer lists `track` from `track-offset`.
        const tracks = (medium.tracks ?? medium.track) as unknown;
        if (!Array.isArray(tracks)) return;
        const disc = typeof medium.position === 'number' ? medium.position : m + 1;
        const offset = typeof medium['track-offset'] === 'number' ? medium['track-offset'] : 0;
        tracks.forEach((track: Json, t) => {
          const at = `${path}.media[${m}].${medium.tracks ? 'tracks' : 'track'}[${t}]`;
          const recording = track?.recording;
          if (!recording || typeof recording !== 'object') return;
          const rec = this.entity('recording', recording as Json, `${at}.recording`);
          const position = typeof track.position === 'number' ? track.position : offset + t + 1;
          const number = str(track.number);
          const quote = trackQuote(ref.name, disc, position, number, rec.name, str(track.title));
          this.stats.relationships++;
          this.link(rec, ref, 'PART_OF', ref.document, quote, `disc ${disc}, track ${position}`);
        });
      });
    return ref;
  }

  private recording(r: Json, path: string): NodeRef {
    const { ref, w, id } = this.work('recording', r, path, 'RECORDING');
    if (typeof r.length === 'number' && Number.isInteger(r.length) && r.length >= 0) w.lengthMs ??= r.length;
    this.dated(w, r['first-release-date']);
    this.identifierList(w, id, 'ISRC', r.isrcs);
    this.artistCredit(ref, r, path);
    this.relations(ref, r, path);
    // A search answer nests the releases a recording is on, each with its release group and the track.
    if (Array.isArray(r.releases))
      (r.releases as unknown[]).forEach((release, i) => {
        const at = `${path}.releases[${i}]`;
        const rel = this.object(release, at);
        // The release handler finds no `recording` in these tracks: the recording is this one, linked here.
        const relRef = this.entity('release', rel, at);
        if (!Array.isArray(rel.media)) return;
        (rel.media as Json[]).forEach((medium, m) => {
          const tracks = (medium?.track ?? medium?.tracks) as Json[] | undefined;
          if (!Array.isArray(tracks)) return;
          const disc = typeof medium.position === 'number' ? medium.position : m + 1;
          const offset = typeof medium['track-offset'] === 'number' ? medium['track-offset'] : 0;
          tracks.forEach((track, t) => {
            const position = typeof track?.position === 'number' ? track.position : offset + t + 1;
            const quote = trackQuote(relRef.name, disc, position, str(track?.number), ref.name, str(track?.title));
            this.stats.relationships++;
            this.link(ref, relRef, 'PART_OF', relRef.document, quote, `disc ${disc}, track ${position}`);
          });
        });
      });
    return ref;
  }

  private composition(e: Json, path: string): NodeRef {
    const { ref, w, id } = this.work('work', e, path, 'COMPOSITION');
    this.identifierList(w, id, 'ISWC', e.iswcs);
    this.relations(ref, e, path);
    return ref;
  }

  /** Lists an entity may carry (an artist's release groups with inc=release-groups): each is an entity of its own. */
  private nestedLists(e: Json, path: string): void {
    for (let k = 0; k < LIST_ENTRIES.length; k++) {
      const [key, type] = LIST_ENTRIES[k] as [string, MbEntityType];
      const list = e[key];
      if (Array.isArray(list))
        list.forEach((item, i) => {
          const at = `${path}.${key}[${i}]`;
          this.entity(type, this.object(item, at), at);
        });
    }
  }

  // Facts -------------------------------------------------------------------------------------------------------------

  private link(
    from: NodeRef,
    to: NodeRef,
    type: WorkLinkEntry['type'],
    document: string,
    quote: string,
    detail?: string,
    attributes: readonly string[] = [],
  ): void {
    from.links ??= [];
    const l = factIn(from.links, LINK, to.slug, type, () => {
      const made: WorkLinkEntry = { from: from.slug, to: to.slug, type, sources: [] };
      if (detail !== undefined) made.detail = detail;
      return made;
    });
    union(l, attributes);
    addSource(l, document, quote);
  }

  /** `artist-credit`: PRIMARY_ARTIST for each name, FEATURED_ARTIST for those after a "feat." join phrase. */
  private artistCredit(work: NodeRef, e: Json, path: string): void {
    const credit = e['artist-credit'];
    if (!Array.isArray(credit) || credit.length === 0) return;
    const phrase = credit
      .map((c: Json) => `${str(c?.name) ?? str((c?.artist as Json)?.name) ?? ''}${str(c?.joinphrase) ?? ''}`)
      .join('');
    const quote = artistCreditQuote(work.name, phrase);
    let role: Role = 'PRIMARY_ARTIST';
    credit.forEach((c: Json, i) => {
      const at = `${path}.artist-credit[${i}]`;
      const artist = this.object(c?.artist, `${at}.artist`);
      const person = this.entity('artist', artist, `${at}.artist`);
      const creditedAs = str(c.name);
      this.stats.relationships++;
      this.credit(person, work, role, work.document, quote, [], creditedAs !== person.name ? creditedAs : undefined);
      if (FEATURING.test(str(c.joinphrase) ?? '')) role = 'FEATURED_ARTIST';
    });
  }

  private credit(
    person: NodeRef,
    work: NodeRef,
    role: Role,
    document: string,
    quote: string,
    attributes: readonly string[],
    creditedAs?: string,
    beginDate?: string,
    endDate?: string,
  ): void {
    // One credit per person, work and role, kept with the work and found by findByPair: a scan of the few most works
    // have (a joined `person|work|role` key per credit cost a string built, flattened and hashed each time), an index
    // past that (one recording credited to 100k artists was quadratic).
    work.credits ??= [];
    const c = factIn(work.credits, CREDIT, person.slug, role, () => ({
      person: person.slug,
      work: work.slug,
      role,
      sources: [],
    }));
    union(c, attributes);
    if (creditedAs !== undefined) c.creditedAs ??= creditedAs;
    if (beginDate !== undefined) c.beginDate ??= beginDate;
    if (endDate !== undefined) c.endDate ??= endDate;
    addSource(c, document, quote);
  }

  private relations(owner: NodeRef, e: Json, path: string): void {
    const relations = e.relations;
    if (!Array.isArray(relations)) return;
    for (let i = 0; i < relations.length; i++) {
      const at = `${path}.relations[${i}]`;
      const r = this.object(relations[i], at);
      const type = str(r.type) ?? '(no type)';
      const targetType = targetTypeOf(r);
      const forward = r.direction !== 'backward';
      this.stats.relationships++;
      if (targetType === 'url') {
        this.urlRelation(owner, r, type);
        continue;
      }
      // The pair (`artist-recording`) only as two words: joined, it was a string built and flattened per relation.
      const type0 = forward ? owner.type : targetType;
      const type1 = forward ? targetType : owner.type;
      if (!(MB_ENTITY_TYPES as readonly string[]).includes(targetType)) {
        bump(this.stats.unknownRelationships, `${type0}-${type1}/${type}`);
        continue;
      }
      const credit = CREDIT_TYPES[type];
      const artistLink = ARTIST_LINK_TYPES[type];
      const recordingOf = RECORDING_WORK_TYPES[type];
      const artistArtist = type0 === 'artist' && type1 === 'artist';
      const recordingWork = type0 === 'recording' && type1 === 'work';
      const known =
        (artistArtist && artistLink) ||
        (credit && (owner.type === 'artist') !== (targetType === 'artist')) ||
        (recordingWork && recordingOf);
      if (!known) {
        bump(this.stats.unknownRelationships, `${type0}-${type1}/${type}`);
        continue;
      }
      const key = targetType === 'release-group' ? 'release_group' : targetType;
      const targetAt = `${at}.${key}`;
      const target = this.entity(targetType as MbEntityType, this.object(r[key] ?? r[targetType], targetAt), targetAt);
      const e0 = forward ? owner : target;
      const e1 = forward ? target : owner;
      const credit0 = str(forward ? r['source-credit'] : r['target-credit']);
      const credit1 = str(forward ? r['target-credit'] : r['source-credit']);
      const attributes = relationAttributes(r);
      const begin = this.date(r.begin, 'beginDate');
      const end = this.date(r.end, 'endDate');
      const quote = relationQuote(
        e0.name,
        type,
        attributes,
        e1.name,
        credit0 !== e0.name ? credit0 : undefined,
        credit1 !== e1.name ? credit1 : undefined,
        dateSpan(begin, end, r.ended === true),
      );
      const document = owner.document;
      if (artistArtist && artistLink) {
        const kept = artistLink.kind === 'association' && artistLink.typeAsAttribute ? [type, ...attributes] : attributes;
        if (artistLink.kind === 'membership')
          this.membership(e0, e1, document, quote, kept, credit0 !== e0.name ? credit0 : undefined, begin, end);
        else this.association(e0, e1, artistLink.type, document, quote, kept, begin, end);
      } else if (recordingWork && recordingOf) {
        this.link(e0, e1, recordingOf, document, quote, undefined, attributes);
      } else if (credit) {
        const e0IsArtist = e0.type === 'artist';
        const artist = e0IsArtist ? e0 : e1;
        const artistCredit = e0IsArtist ? credit0 : credit1;
        const work = e0IsArtist ? e1 : e0;
        const role = creditRole(credit, attributes);
        const kept = credit.typeAsAttribute ? [type, ...attributes] : attributes;
        this.credit(
          artist,
          work,
          role,
          document,
          quote,
          kept,
          artistCredit !== artist.name ? artistCredit : undefined,
          begin,
          end,
        );
      }
    }
  }

  private membership(
    member: NodeRef,
    group: NodeRef,
    document: string,
    quote: string,
    attributes: readonly string[],
    creditedAs: string | undefined,
    beginDate: string | undefined,
    endDate: string | undefined,
  ): void {
    // MusicBrainz states that the group has members, whatever type it gives it: the group end is a group.
    (group.entry as PersonEntry).isGroup = true;
    member.memberships ??= [];
    const m = factIn(member.memberships, MEMBERSHIP, group.slug, '', () => ({
      person: member.slug,
      group: group.slug,
      sources: [],
    }));
    union(m, attributes);
    if (creditedAs !== undefined) m.creditedAs ??= creditedAs;
    if (beginDate !== undefined) m.beginDate ??= beginDate;
    if (endDate !== undefined) m.endDate ??= endDate;
    addSource(m, document, quote);
  }

  private association(
    from: NodeRef,
    to: NodeRef,
    type: string,
    document: string,
    quote: string,
    attributes: readonly string[],
    beginDate: string | undefined,
    endDate: string | undefined,
  ): void {
    if (from.slug === to.slug) {
      bump(this.stats.invalidValues, 'association with itself');
      return;
    }
    from.associations ??= [];
    const a = factIn(from.associations, ASSOCIATION, to.slug, type, () => ({ from: from.slug, to: to.slug, type, sources: [] }));
    union(a, attributes);
    if (beginDate !== undefined) a.beginDate ??= beginDate;
    if (endDate !== undefined) a.endDate ??= endDate;
    addSource(a, document, quote);
  }

  private urlRelation(owner: NodeRef, r: Json, type: string): void {
    const resource = str((r.url as Json | undefined)?.resource) ?? '';
    for (const { pattern, scheme } of URL_IDENTIFIERS) {
      const match = pattern.exec(resource);
      if (match?.[1]) {
        this.identify(owner.entry, owner.mbid, scheme, match[1]);
        return;
      }
    }
    bump(this.stats.urlRelationshipsNotKept, `${owner.type}-url/${type}`);
  }

  // Output ------------------------------------------------------------------------------------------------------------

  /** The record's own entries to the sink: the documents of the nodes it met first, and the places it made. */
  protected endRecord(): void {
    for (const d of this.documents) this.emit('documents', d);
    for (const p of this.newPlaces) {
      bump(this.facts, 'identifier', p.identifiers.length);
      this.emit('places', p);
    }
  }

  protected dropRecord(): void {
    this.documents.length = 0;
    this.newPlaces.length = 0;
  }

  /** Each artist and work, then the facts kept with it. */
  protected *kept(): Generator<[Section, object]> {
    for (const node of this.nodes.values()) {
      bump(this.facts, 'identifier', node.entry.identifiers?.length ?? 0);
      yield [node.type === 'artist' ? 'people' : 'works', node.entry];
      for (const c of node.credits ?? []) {
        bump(this.facts, `credit ${c.role}`);
        yield ['credits', c];
      }
      for (const l of node.links ?? []) {
        bump(this.facts, `workLink ${l.type}`);
        yield ['workLinks', l];
      }
      for (const m of node.memberships ?? []) {
        bump(this.facts, 'membership');
        yield ['memberships', m];
      }
      for (const a of node.associations ?? []) {
        bump(this.facts, `association ${a.type}`);
        yield ['associations', a];
      }
    }
    // Counted even when there are none, as the summary always said.
    bump(this.facts, 'membership', 0);
    bump(this.facts, 'identifier', 0);
  }

  nodeCounts(): Record<string, number> {
    return {
      people: this.written.people ?? 0,
      works: this.written.works ?? 0,
      places: this.written.places ?? 0,
      documents: this.written.documents ?? 0,
    };
  }
}
