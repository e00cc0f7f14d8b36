// Converts Discogs entities (API answers or dump records, one at a time) into Liner dataset entries, merged by Discogs
// id, handed to a sink as they are finished.
//
// Every reader hands entities over in the API's JSON shape (read-dump.ts turns dump XML into it), so the mapping below
// is written once. docs/graph-model.md, "Discogs mapping", is the table this follows.
//
// A record's own entries (a release, its tracks, their credits and links, its document) are finished when the record
// is: they go to the sink at once and are forgotten, so a dump of any size converts in bounded memory. Artists,
// labels and masters are met again on later records, so they are kept until `finish` (SpillMap: the recently used in
// memory, the rest on disk). A record given twice (the same release in an answer and in a dump) is read once: the
// first is kept and the others counted.
import type { IdentifierScheme, Role, WorkKind } from '../../dataset/format.ts';
import { IDENTIFIER_PAGES } from '../../dataset/format.ts';
import { addSharedSource, addSource, NO_CITATIONS } from '../add-source.ts';
import { bump, ConverterBase, type ConverterOptions, type Json, list } from '../converter-base.ts';
import type {
  CreditEntry,
  Identifier,
  MembershipEntry,
  PersonEntry,
  Source,
  Sourced,
  WorkEntry,
  WorkLinkEntry,
} from '../dataset-entries.ts';
import type { EntrySink } from '../entry-sink.ts';
import { findByPair, type PairOf, pushByPair } from '../find-by-pair.ts';
import { FirstNames } from '../first-names.ts';
import { IdBits } from '../id-bits.ts';
import { pushUnique } from '../push-unique.ts';
import type { SpillMap } from '../spill-map.ts';
import { DiscogsInputError } from './errors.ts';
import { discogsName, discogsSlug, durationMs, releasedDate, trackSlug } from './names.ts';
import { artistCreditQuote, type CreditedArtist, creditQuote, trackQuote } from './quotes.ts';
import { mapRole } from './role-mapping.ts';
import { parseRoles, tracksOf } from './role-parse.ts';

type Section = Parameters<EntrySink>[0];
export type DiscogsEntityType = 'release' | 'master' | 'artist' | 'label';
export const DISCOGS_ENTITY_TYPES: readonly DiscogsEntityType[] = ['release', 'master', 'artist', 'label'];

interface OrganizationEntry extends Sourced {
  slug: string;
  name: string;
  kind: 'COMPANY';
  identifiers: Identifier[];
}
interface PartEntry extends Sourced {
  organization: string;
  parent: string;
}

/** What an import read and could not use, for the summary: nothing is dropped without being counted here. */
export interface DiscogsStats {
  /** Entities read, by type (release, master, artist, label). */
  entities: Record<string, number>;
  /** Credits made: one per artist, role and work, as read (before equal ones merge). */
  credits: number;
  /** Tracks made into recordings (index tracks' sub-tracks included; headings not). */
  tracks: number;
  /** Tracklist headings and index tracks: titles over other tracks, not works themselves. */
  headings: number;
  /** Role names in neither the role table nor the instrument list, with their counts: not imported. */
  unknownRoles: Record<string, number>;
  /** Parts of a credit's `tracks` naming no track of the release ("A7" on a six-track release): credited on the release. */
  unresolvedTracks: number;
  /** What Discogs has and the dataset has no place for, by kind: artist aliases (other Discogs artists), companies… */
  notImported: Record<string, number>;
  /** Values that are not what they claim (a date "Unknown", a label without id), dropped, by field. */
  invalidValues: Record<string, number>;
  /** Records given again (the same release in an answer and a dump), by type: the first one read is kept. */
  repeated: Record<string, number>;
}

/** `inMemory`: artists, labels and masters kept in memory; beyond it the least recently used wait on disk. */
export type DiscogsConverterOptions = ConverterOptions;

/** A master's work, and what its records have decided about it so far. */
interface MasterNode {
  work: WorkEntry;
  /** The main release its master record names: that release's formats decide the master's kind. */
  main?: number;
  /** Set once a main release has decided the kind: a later edition's formats do not change it. */
  kindFromMain?: true;
}

const FEATURING = /^(?:feat\.?|featuring|ft\.?)$/i;
/** A work's credits are told apart by person and role, a work's links by the other work and the type. */
const CREDIT: PairOf<CreditEntry> = { first: (c) => c.person, second: (c) => c.role };
const LINK: PairOf<WorkLinkEntry> = { first: (l) => l.to, second: (l) => l.type };

const str = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
};

/** What a credit needs of its person. */
type PersonRef = Pick<PersonEntry, 'slug' | 'name'>;

/** A node the facts of one entity are attached to, with the document they cite. */
interface WorkRef {
  entry: WorkEntry;
  document: string;
}

export class DiscogsConverter extends ConverterBase {
  readonly stats: DiscogsStats = {
    entities: {},
    credits: 0,
    tracks: 0,
    headings: 0,
    unknownRoles: {},
    unresolvedTracks: 0,
    notImported: {},
    invalidValues: {},
    repeated: {},
  };
  /** The records read, by type: a record given again is skipped. */
  private readonly read: Record<DiscogsEntityType, IdBits> = {
    release: new IdBits(),
    master: new IdBits(),
    artist: new IdBits(),
    label: new IdBits(),
  };
  // Met on many records: kept until the end.
  private readonly people: SpillMap<PersonEntry>;
  /** The name each artist was first met by: most credits need no look-up of the artist's entry (first-names.ts). */
  private readonly personNames = new FirstNames();
  /** The labels met: a release naming a known label adds nothing to it. */
  private readonly labelsMet = new IdBits();
  private readonly organizations: SpillMap<OrganizationEntry>;
  private readonly masters: SpillMap<MasterNode>;
  private readonly memberships: SpillMap<MembershipEntry>;
  private readonly parts: SpillMap<PartEntry>;
  // The record being read: handed to the sink and cleared when it ends.
  private readonly documents: { slug: string; title: string; url: string; kind: 'DISCOGS'; licence: string }[] = [];
  /** The release's work and its tracks', by `r<id>` or the track's slug. */
  private readonly works = new Map<string, WorkEntry>();
  private readonly credits: CreditEntry[] = [];
  private readonly creditsByWork = new Map<string, CreditEntry[]>();
  /** Links in the order first seen, and by their `from` work: a track has one or two (findByPair scans so few). */
  private readonly workLinks: WorkLinkEntry[] = [];
  private readonly linksFrom = new Map<WorkEntry, WorkLinkEntry[]>();

  constructor(sink: EntrySink, options: DiscogsConverterOptions = {}) {
    super(sink, options, DiscogsInputError);
    this.people = this.spillMap();
    this.organizations = this.spillMap();
    this.masters = this.spillMap();
    this.memberships = this.spillMap();
    this.parts = this.spillMap();
  }

  /**
   * Add one entity in the API's JSON shape. `file` and `where` only name the place in error messages (`where` is the
   * dump line of the record; JSON paths follow it).
   */
  addEntity(type: DiscogsEntityType, entity: unknown, file: string, path = '$', where?: string): void {
    this.file = file;
    this.where = where;
    const e = this.object(entity, path);
    bump(this.stats.entities, type);
    const id = this.id(e.id, `${path}.id`);
    if (this.read[type].has(id)) {
      bump(this.stats.repeated, type);
      return;
    }
    this.read[type].add(id);
    this.record(() => {
      if (type === 'release') this.release(e, path);
      else if (type === 'master') this.master(e, path);
      else if (type === 'artist') this.artist(e, path);
      else this.label(e, path);
    });
  }

  private id(value: unknown, path: string): number {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0)
      this.fail(path, value === undefined || value === '' ? 'missing Discogs id' : `"${String(value)}" is not a Discogs id`);
    return n;
  }

  protected override named(e: Json, key: 'name' | 'title', path: string): string {
    return super.named(e, key, path).trim();
  }

  private document(type: DiscogsEntityType, id: number, name: string): string {
    const slug = `discogs-${type}-${id}`;
    // Each record has its own document, made once as the record begins.
    if (!this.documents.some((d) => d.slug === slug))
      this.documents.push({
        slug,
        title: `Discogs ${type} ${id}: ${name}`,
        url: `https://www.discogs.com/${type}/${id}`,
        kind: 'DISCOGS',
        // The data dumps are CC0; through the API the same database fields are CC0 too, and the restricted data the
        // API Terms of Use name (images, user and marketplace data) is never read.
        licence: 'CC0 1.0',
      });
    return slug;
  }

  private identifier(scheme: IdentifierScheme, id: number): Identifier {
    const value = String(id);
    return { scheme, value, url: (IDENTIFIER_PAGES[scheme] as (v: string) => string)(value) };
  }

  // Nodes -------------------------------------------------------------------------------------------------------------

  /** The person node of a Discogs artist, made on first sight with the source that named it. */
  private person(id: number, rawName: string, document: string, quote: string): PersonEntry {
    let p = this.personNames.has(id) ? this.people.get(String(id)) : undefined;
    if (p !== undefined) return p;
    const name = discogsName(rawName);
    p = {
      slug: discogsSlug('artist', name.display, id),
      name: name.display,
      isGroup: false,
      aliases: [],
      identifiers: [this.identifier('DISCOGS_ARTIST', id)],
      sources: [{ document, citations: NO_CITATIONS, quote }],
    };
    if (name.sortName !== undefined) p.sortName = name.sortName;
    if (name.namesake !== undefined) p.disambiguation = `"${name.discogs}" on Discogs`;
    this.people.add(String(id), p);
    this.personNames.set(id, rawName);
    return p;
  }

  /** The person an artist credit names; `index` is the credit's place in `path`'s list (the path is built on failure only). */
  private creditedPerson(a: Json, path: string, index: number | undefined, document: string, quote: string): PersonRef {
    const at = () => (index === undefined ? path : `${path}[${index}]`);
    const id = typeof a.id === 'number' && a.id > 0 && Number.isSafeInteger(a.id) ? a.id : this.id(a.id, `${at()}.id`);
    // Met before by this very name: the slug and name it was given then follow from the name, entry unread.
    const raw = typeof a.name === 'string' ? a.name.trim() : '';
    if (raw !== '' && this.personNames.metAs(id, raw)) {
      const name = discogsName(raw).display;
      return { slug: discogsSlug('artist', name, id), name };
    }
    const known = this.personNames.has(id) ? this.people.get(String(id)) : undefined;
    if (known !== undefined) return known;
    return this.person(id, this.named(a, 'name', at()), document, quote);
  }

  private organization(id: number, name: string, document: string, quote: string): OrganizationEntry {
    let o = this.labelsMet.has(id) ? this.organizations.get(String(id)) : undefined;
    if (o !== undefined) return o;
    o = {
      slug: discogsSlug('label', discogsName(name).display, id),
      name: discogsName(name).display,
      kind: 'COMPANY',
      identifiers: [this.identifier('DISCOGS_LABEL', id)],
      sources: [{ document, citations: NO_CITATIONS, quote }],
    };
    this.organizations.add(String(id), o);
    this.labelsMet.add(id);
    return o;
  }

  private work(key: string, slug: string, title: string, kind: WorkKind, document: string, quote: string): WorkEntry {
    let w = this.works.get(key);
    if (w !== undefined) return w;
    // Tracks have no identifier of their own: no list is made for them.
    w = { slug, title, kind, sources: [{ document, citations: NO_CITATIONS, quote }] };
    this.works.set(key, w);
    return w;
  }

  private masterNode(id: number, title: string, document: string, quote: string): MasterNode {
    let m = this.masters.get(String(id));
    if (m !== undefined) return m;
    const slug = discogsSlug('master', title, id);
    m = {
      work: {
        slug,
        title,
        kind: 'ALBUM',
        sources: [{ document, citations: NO_CITATIONS, quote }],
        identifiers: [this.identifier('DISCOGS_MASTER', id)],
      },
    };
    this.masters.add(String(id), m);
    return m;
  }

  // Entities ----------------------------------------------------------------------------------------------------------

  private release(r: Json, path: string): void {
    const id = r.id as number;
    const title = this.named(r, 'title', path);
    const document = this.document('release', id, title);
    const w = this.work(`r${id}`, discogsSlug('release', title, id), title, 'RELEASE', document, `release: ${title}`);
    w.identifiers ??= [this.identifier('DISCOGS_RELEASE', id)];
    const released = str(r.released);
    const date = releasedDate(released);
    if (released !== undefined && date === undefined) bump(this.stats.invalidValues, 'released');
    if (date !== undefined && w.date === undefined) {
      w.date = date;
      w.year = Number(date.slice(0, 4));
    } else if (w.year === undefined && typeof r.year === 'number' && r.year >= 1000) w.year = r.year;
    const ref: WorkRef = { entry: w, document };

    this.edition(r, id, title, ref, path);
    const mainArtists = list(r.artists).map((a, i) => this.object(a, `${path}.artists[${i}]`));
    // One statement, "Main Act – Title", for the release and every track that names no artists of its own.
    const mainSource: Source = {
      document,
      citations: NO_CITATIONS,
      quote: artistCreditQuote(this.credited(mainArtists), title),
    };
    this.artistCredits(mainArtists, `${path}.artists`, ref, mainSource);
    this.labels(r, document, path);
    const companies = list(r.companies).length;
    if (companies > 0) bump(this.stats.notImported, 'release companies (pressed by, recorded at…)', companies);

    // The tracks, index tracks' sub-tracks in their place; headings are titles over tracks, not works.
    const tracks: { t: Json; path: string; parent?: Json; parentPath?: string }[] = [];
    list(r.tracklist).forEach((item, i) => {
      const at = `${path}.tracklist[${i}]`;
      const t = this.object(item, at);
      const subTracks = list(t.sub_tracks);
      const type = str(t.type_);
      if (type === 'index' || subTracks.length > 0) {
        this.stats.headings++;
        subTracks.forEach((sub, j) => {
          const subPath = `${at}.sub_tracks[${j}]`;
          tracks.push({ t: this.object(sub, subPath), path: subPath, parent: t, parentPath: at });
        });
      } else if (type === 'heading') this.stats.headings++;
      else tracks.push({ t, path: at });
    });
    const positions = tracks.map(({ t }) => str(t.position) ?? '');
    const trackRefs = new Map<string, WorkRef>();
    const taken = new Set<string>();
    tracks.forEach(({ t, path: at, parent, parentPath }, i) => {
      const trackTitle = this.named(t, 'title', at);
      const position = positions[i] as string;
      let slug = trackSlug(trackTitle, id, position, i);
      // Two tracks at one position (a mistake Discogs keeps) stay two recordings.
      if (taken.has(slug)) slug = trackSlug(trackTitle, id, `${position} ${i + 1}`, i);
      taken.add(slug);
      const duration = str(t.duration);
      const quote = trackQuote(title, position || `${i + 1}`, trackTitle, duration);
      const track = this.work(slug, slug, trackTitle, 'RECORDING', document, quote);
      const length = durationMs(duration);
      if (length !== undefined) track.lengthMs ??= length;
      else if (duration !== undefined) bump(this.stats.invalidValues, 'duration');
      this.stats.tracks++;
      this.link(track, w, 'PART_OF', document, quote, `track ${position || `${i + 1} (no position)`}`);
      const trackRef: WorkRef = { entry: track, document };
      if (position !== '' && !trackRefs.has(position.toLowerCase())) trackRefs.set(position.toLowerCase(), trackRef);
      // A track's own artists replace the release's on it; an index track's artists stand for its sub-tracks'.
      const own = list(t.artists).length > 0 ? t : parent && list(parent.artists).length > 0 ? parent : undefined;
      if (own !== undefined) {
        const ownPath = own === t ? `${at}.artists` : `${parentPath}.artists`;
        const artists = list(own.artists).map((a, k) => this.object(a, `${ownPath}[${k}]`));
        const quote = artistCreditQuote(this.credited(artists), trackTitle);
        this.artistCredits(artists, ownPath, trackRef, { document, citations: NO_CITATIONS, quote });
      } else this.artistCredits(mainArtists, `${path}.artists`, trackRef, mainSource);
      if (parent) this.extraCredits(list(parent.extraartists), `${parentPath}.extraartists`, [trackRef]);
      this.extraCredits(list(t.extraartists), `${at}.extraartists`, [trackRef]);
    });

    // Release-level credits: on the release, or on the tracks their `tracks` field names.
    list(r.extraartists).forEach((item, i) => {
      const at = `${path}.extraartists[${i}]`;
      const a = this.object(item, at);
      const range = str(a.tracks)?.trim();
      if (range === undefined) {
        this.extraCredit(a, at, [ref], undefined);
        return;
      }
      const { found, missing } = tracksOf(range, positions);
      this.stats.unresolvedTracks += missing.length;
      const targets = found.map((p) => trackRefs.get(p.toLowerCase())).filter((t): t is WorkRef => t !== undefined);
      this.extraCredit(a, at, targets.length > 0 ? targets : [ref], range);
    });
  }

  private credited(artists: Json[]): CreditedArtist[] {
    return artists.map((a) => ({ name: str(a.name) ?? '', anv: str(a.anv), join: str(a.join) }));
  }

  /** EDITION_OF the release's master, when it has one; the main release's formats decide the master's kind. */
  private edition(r: Json, id: number, title: string, ref: WorkRef, path: string): void {
    const masterId = r.master_id;
    if (masterId === undefined || masterId === null || masterId === 0 || masterId === '0' || masterId === '') return;
    const mid = this.id(masterId, `${path}.master_id`);
    const quote = `${title} – master release ${mid}`;
    const node = this.masterNode(mid, title, ref.document, quote);
    const master = node.work;
    this.link(ref.entry, master, 'EDITION_OF', ref.document, quote);
    const isMain = r.is_main_release === true || r.is_main_release === 'true' || node.main === id;
    if (isMain || node.kindFromMain === undefined) {
      const kind = kindOfFormats(r.formats);
      if (master.kind === 'ALBUM' || isMain) master.kind = kind;
      if (isMain) node.kindFromMain = true;
    }
  }

  private labels(r: Json, document: string, path: string): void {
    list(r.labels).forEach((item, i) => {
      const at = `${path}.labels[${i}]`;
      const l = this.object(item, at);
      const name = this.named(l, 'name', at);
      if (l.id === undefined || l.id === null || l.id === '' || l.id === 0) {
        // Old dumps name a release's labels without ids: nothing to tell two labels of one name apart.
        bump(this.stats.invalidValues, 'label without id');
        return;
      }
      const labelId = this.id(l.id, `${at}.id`);
      if (this.labelsMet.has(labelId)) return;
      const catno = str(l.catno);
      this.organization(labelId, name, document, `Label: ${name}${catno ? ` – ${catno}` : ''}`);
    });
  }

  private master(m: Json, path: string): void {
    const id = m.id as number;
    const title = this.named(m, 'title', path);
    const document = this.document('master', id, title);
    const node = this.masterNode(id, title, document, `master: ${title}`);
    const w = node.work;
    addSource(w, document, `master: ${title}`);
    w.title = title;
    if (typeof m.year === 'number' && m.year >= 1000 && m.year <= 2999) w.year ??= m.year;
    else if (typeof m.year === 'string' && /^\d{4}$/.test(m.year) && m.year !== '0000') w.year ??= Number(m.year);
    const main = m.main_release;
    if (main !== undefined && main !== null && main !== '') node.main = this.id(main, `${path}.main_release`);
    const artists = list(m.artists).map((a, i) => this.object(a, `${path}.artists[${i}]`));
    const quote = artistCreditQuote(this.credited(artists), title);
    this.artistCredits(artists, `${path}.artists`, { entry: w, document }, { document, citations: NO_CITATIONS, quote });
  }

  private artist(a: Json, path: string): void {
    const id = a.id as number;
    const raw = this.named(a, 'name', path);
    const document = this.document('artist', id, discogsName(raw).display);
    const p = this.person(id, raw, document, `artist: ${raw}`);
    addSource(p, document, `artist: ${raw}`);
    const alias = (value: unknown) => {
      const name = str(value)?.trim();
      if (name !== undefined && name !== p.name) pushUnique(p.aliases, name);
    };
    // Name variations are the artist's own other names; the real name goes with them (MusicBrainz calls it a legal-name alias).
    alias(a.realname);
    for (const v of list(a.namevariations)) alias(typeof v === 'object' && v !== null ? (v as Json).name : v);
    const aliases = list(a.aliases).length;
    if (aliases > 0) bump(this.stats.notImported, 'artist aliases (other Discogs artists)', aliases);
    if (str(a.profile) !== undefined) bump(this.stats.notImported, 'artist profile (free text)');
    const members = list(a.members);
    if (members.length > 0) {
      p.isGroup = true;
      p.kind = 'GROUP';
    }
    members.forEach((item, i) => {
      const at = `${path}.members[${i}]`;
      const m = this.object(item, at);
      const name = this.named(m, 'name', at);
      const quote = `${raw} – Members: ${name}`;
      const member = this.person(this.id(m.id, `${at}.id`), name, document, quote);
      this.membership(member, p, document, quote);
    });
    list(a.groups).forEach((item, i) => {
      const at = `${path}.groups[${i}]`;
      const g = this.object(item, at);
      const name = this.named(g, 'name', at);
      const quote = `${raw} – In Groups: ${name}`;
      const group = this.person(this.id(g.id, `${at}.id`), name, document, quote);
      group.isGroup = true;
      group.kind = 'GROUP';
      this.membership(p, group, document, quote);
    });
  }

  private label(l: Json, path: string): void {
    const id = l.id as number;
    const raw = this.named(l, 'name', path);
    const document = this.document('label', id, discogsName(raw).display);
    const o = this.organization(id, raw, document, `label: ${raw}`);
    addSource(o, document, `label: ${raw}`);
    list(l.sublabels).forEach((item, i) => {
      const at = `${path}.sublabels[${i}]`;
      const s = this.object(item, at);
      const name = this.named(s, 'name', at);
      const quote = `${raw} – Sublabels: ${name}`;
      this.part(this.organization(this.id(s.id, `${at}.id`), name, document, quote), o, document, quote);
    });
    const parent = l.parent_label;
    if (parent !== undefined && parent !== null) {
      const at = `${path}.parent_label`;
      const p = this.object(parent, at);
      const name = this.named(p, 'name', at);
      const quote = `${raw} – Parent Label: ${name}`;
      this.part(o, this.organization(this.id(p.id, `${at}.id`), name, document, quote), document, quote);
    }
  }

  // Facts -------------------------------------------------------------------------------------------------------------

  /** A release's, track's or master's main artists: PRIMARY_ARTIST, and FEATURED_ARTIST after a "Feat." join. */
  private artistCredits(artists: Json[], path: string, work: WorkRef, source: Source): void {
    let role: Role = 'PRIMARY_ARTIST';
    for (let i = 0; i < artists.length; i++) {
      const a = artists[i] as Json;
      const person = this.creditedPerson(a, path, i, work.document, source.quote);
      this.credit(person, work, role, source, undefined, str(a.anv));
      const join = str(a.join);
      if (join !== undefined && FEATURING.test(join.trim())) role = 'FEATURED_ARTIST';
    }
  }

  private extraCredits(artists: unknown[], path: string, works: WorkRef[]): void {
    artists.forEach((item, i) => {
      const at = `${path}[${i}]`;
      this.extraCredit(this.object(item, at), at, works, undefined);
    });
  }

  /** One extra artist's credits: one per role of its role string, on every work it applies to. */
  private extraCredit(a: Json, path: string, works: WorkRef[], tracks: string | undefined): void {
    const role = str(a.role) ?? '';
    const quote = creditQuote(role.trim(), { name: str(a.name) ?? '', anv: str(a.anv) }, tracks);
    const first = works[0] as WorkRef;
    const person = this.creditedPerson(a, path, undefined, first.document, quote);
    const source: Source = { document: first.document, citations: NO_CITATIONS, quote };
    const roles = parseRoles(role);
    if (roles.length === 0) bump(this.stats.unknownRoles, '(no role)', works.length);
    const anv = str(a.anv);
    for (const parsed of roles) {
      const mapped = mapRole(parsed);
      if (mapped === undefined) {
        bump(this.stats.unknownRoles, parsed.name, works.length);
        continue;
      }
      for (const work of works) this.credit(person, work, mapped.role, source, parsed.text, anv);
    }
  }

  private credit(
    person: PersonRef,
    work: WorkRef,
    role: Role,
    source: Source,
    attribute: string | undefined,
    anv: string | undefined,
  ): void {
    this.stats.credits++;
    const slug = work.entry.slug;
    let ofWork = this.creditsByWork.get(slug);
    if (ofWork === undefined) {
      ofWork = [];
      this.creditsByWork.set(slug, ofWork);
    }
    let c = findByPair(ofWork, CREDIT, person.slug, role);
    if (c === undefined) {
      c = { person: person.slug, work: slug, role, sources: [source] };
      pushByPair(ofWork, CREDIT, c);
      this.credits.push(c);
    } else addSharedSource(c, source);
    if (attribute !== undefined) {
      if (!c.attributes) c.attributes = [attribute];
      else pushUnique(c.attributes, attribute);
    }
    if (anv !== undefined && anv !== person.name) c.creditedAs ??= anv;
  }

  private link(from: WorkEntry, to: WorkEntry, type: WorkLinkEntry['type'], document: string, quote: string, detail?: string) {
    let ofWork = this.linksFrom.get(from);
    if (ofWork === undefined) {
      ofWork = [];
      this.linksFrom.set(from, ofWork);
    }
    let l = findByPair(ofWork, LINK, to.slug, type);
    if (l === undefined) {
      l = { from: from.slug, to: to.slug, type, sources: [{ document, citations: NO_CITATIONS, quote }] };
      if (detail !== undefined) l.detail = detail;
      pushByPair(ofWork, LINK, l);
      this.workLinks.push(l);
    } else addSource(l, document, quote);
  }

  private membership(member: PersonEntry, group: PersonEntry, document: string, quote: string): void {
    const key = `${member.slug}|${group.slug}`;
    let m = this.memberships.get(key);
    if (!m) {
      m = { person: member.slug, group: group.slug, sources: [] };
      this.memberships.add(key, m);
    }
    addSource(m, document, quote);
  }

  private part(organization: OrganizationEntry, parent: OrganizationEntry, document: string, quote: string): void {
    const key = `${organization.slug}|${parent.slug}`;
    let p = this.parts.get(key);
    if (!p) {
      p = { organization: organization.slug, parent: parent.slug, sources: [] };
      this.parts.add(key, p);
    }
    addSource(p, document, quote);
  }

  // Output ------------------------------------------------------------------------------------------------------------

  /** The record's own entries to the sink, in the order first seen; the nodes it met wait for more records. */
  protected endRecord(): void {
    for (const d of this.documents) this.emit('documents', d);
    for (const w of this.works.values()) this.emit('works', w);
    for (const c of this.credits) {
      bump(this.facts, `credit ${c.role}`);
      this.emit('credits', c);
    }
    for (const l of this.workLinks) {
      bump(this.facts, `workLink ${l.type}`);
      this.emit('workLinks', l);
    }
  }

  protected dropRecord(): void {
    this.documents.length = 0;
    this.works.clear();
    this.credits.length = 0;
    this.creditsByWork.clear();
    this.workLinks.length = 0;
    this.linksFrom.clear();
  }

  protected *kept(): Generator<[Section, object]> {
    for (const p of this.people.values()) yield ['people', p];
    for (const m of this.masters.values()) yield ['works', m.work];
    for (const o of this.organizations.values()) yield ['organizations', o];
    for (const m of this.memberships.values()) yield ['memberships', m];
    for (const p of this.parts.values()) yield ['organizationParts', p];
    bump(this.facts, 'membership', this.memberships.size);
    bump(this.facts, 'organizationPart', this.parts.size);
  }

  nodeCounts(): { people: number; works: number; organizations: number; documents: number } {
    return {
      people: this.written.people ?? 0,
      works: this.written.works ?? 0,
      organizations: this.written.organizations ?? 0,
      documents: this.written.documents ?? 0,
    };
  }
}

/** A master's kind from its main release's formats: EP or single where a format says so, an album otherwise. */
export function kindOfFormats(formats: unknown): WorkKind {
  const words: string[] = [];
  for (const f of list(formats)) {
    if (f === null || typeof f !== 'object') continue;
    for (const d of list((f as Json).descriptions)) if (typeof d === 'string') words.push(d.toLowerCase());
  }
  if (words.includes('ep') || words.includes('mini-album')) return 'EP';
  if (words.includes('single') || words.includes('maxi-single')) return 'SINGLE';
  return 'ALBUM';
}
