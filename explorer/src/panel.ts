// The side panel: everything the API says about the selected person or work, each fact with its quoted sources.
import {
  type Affiliation,
  type AwardWin,
  type Conflict,
  type DocumentDetail,
  type ConflictRef,
  PERSON,
  type PersonDetail,
  type PersonRef,
  type Role,
  type Source,
  WORK,
  type WorkDetail,
  type WorkRef,
} from './api.ts';
import { h } from './dom.ts';
import { identifierList, kindName, roleName, sourceList, withYear } from './format.ts';
import { exportUrl, graphiqlUrl, webLink } from './links.ts';

export interface PanelActions {
  openPerson: (slug: string) => void;
  openWork: (slug: string) => void;
}

const personLink = (p: PersonRef, actions: PanelActions) =>
  h('button', { type: 'button', class: 'link', 'data-person': p.slug, onclick: () => actions.openPerson(p.slug) }, p.name);
const workLink = (w: WorkRef, actions: PanelActions) => {
  const button = h(
    'button',
    { type: 'button', class: 'link', 'data-work': w.slug, onclick: () => actions.openWork(w.slug) },
    withYear(w.title, w.year),
  );
  return w.kind ? h('span', {}, button, h('span', { class: 'kind' }, ` (${kindName(w.kind).toLowerCase()})`)) : button;
};

function section(title: string, count: number | null, ...body: (Node | null)[]) {
  return h(
    'section',
    { class: 'facts' },
    h('h3', {}, title, count === null ? '' : h('span', { class: 'count' }, ` ${count}`)),
    ...body,
  );
}

/** What the sources say about the subject itself: folded, since the facts below carry their own quotes. */
function sourcesAbout(name: string, sources: Source[]) {
  if (sources.length === 0) return null;
  return h(
    'details',
    { class: 'about' },
    h('summary', {}, `Sources about ${name}`, h('span', { class: 'count' }, ` ${sources.length}`)),
    sourceList(sources),
  );
}

function selectionLinks(query: string, slug: string, person: boolean) {
  return h(
    'p',
    { class: 'selection-links' },
    h('a', { href: graphiqlUrl(query, { slug }), target: '_blank', rel: 'noopener', class: 'button' }, 'Query in GraphiQL'),
    person ? h('a', { href: exportUrl(slug, 1), class: 'button', download: '' }, 'Download network (GraphML)') : null,
  );
}

function byRole<T extends { role: Role }>(items: T[]): [Role, T[]][] {
  const groups = new Map<Role, T[]>();
  for (const item of items) groups.set(item.role, [...(groups.get(item.role) ?? []), item]);
  return [...groups].sort((a, b) => b[1].length - a[1].length || roleName(a[0]).localeCompare(roleName(b[0])));
}

function conflictNote(conflicts: ConflictRef[]) {
  if (conflicts.length === 0) return null;
  return h(
    'details',
    { class: 'disputed' },
    h('summary', {}, `Disputed: ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}`),
    h(
      'ul',
      {},
      conflicts.map((c) => h('li', {}, c.description)),
    ),
  );
}

function awardList(awards: AwardWin[], actions: PanelActions, showRecipients: boolean) {
  return h(
    'ul',
    { class: 'fact-list' },
    awards.map((a) =>
      h(
        'li',
        {},
        h(
          'div',
          { class: 'fact' },
          h('strong', {}, a.year ? `${a.year} ` : '', a.award.name),
          a.category ? ` — ${a.category}` : '',
          a.work ? [' — ', workLink(a.work, actions)] : '',
          showRecipients && a.recipients.length
            ? [' — ', ...a.recipients.flatMap((p, i) => [i ? ', ' : '', personLink(p, actions)])]
            : '',
        ),
        sourceList(a.sources),
        conflictNote(a.conflicts),
      ),
    ),
  );
}

function conflictList(conflicts: Conflict[]) {
  return h(
    'ul',
    { class: 'fact-list conflicts' },
    conflicts.map((c) =>
      h(
        'li',
        { 'data-conflict': c.slug },
        h('p', { class: 'fact' }, c.description),
        h(
          'ol',
          { class: 'claims' },
          c.claims.map((claim) => h('li', {}, h('span', {}, claim.statement), sourceList([claim.source]))),
        ),
      ),
    ),
  );
}

/** " · 1950-05-03 – 1981, United Kingdom": the life span and area, where known. */
function lifeSpan(p: PersonDetail): string {
  const span = p.beginDate || p.endDate ? `${p.beginDate ?? '?'}${p.endDate ? ` – ${p.endDate}` : ''}` : '';
  return [span, p.area?.name ?? ''].filter((part) => part !== '').map((part) => ` · ${part}`).join('');
}

/** How a person link reads from this person's side: OUT is the `from` side (the mentor, the parent). */
const ASSOCIATION_WORDS: Record<string, [string, string]> = {
  MENTORED: ['Mentored ', 'Mentored by '],
  PARENT_OF: ['Parent of ', 'Child of '],
  SIBLING_OF: ['Sibling of ', 'Sibling of '],
  MARRIED_TO: ['Married to ', 'Married to '],
  INVOLVED_WITH: ['Involved with ', 'Involved with '],
  SUPPORTING_MUSICIAN_OF: ['Supporting musician for ', 'Supported by '],
  PERFORMS_AS: ['Performs as ', 'Performance name of '],
  SUBGROUP_OF: ['Subgroup of ', 'Has subgroup '],
};
const associationWords = (type: string, direction: 'IN' | 'OUT') =>
  (ASSOCIATION_WORDS[type] ?? ['Worked with ', 'Worked with '])[direction === 'OUT' ? 0 : 1];

const AFFILIATION_WORDS: Record<string, string> = { STUDIED_AT: 'Studied at', WORKED_AT: 'Worked at', TAUGHT_AT: 'Taught at' };
const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];

/** "1988 – 1992", "until 1988", "from 1988" and any loose periods ("early 1990s"), over one group's entries. */
function affiliationWhen(entries: Affiliation[]): string {
  const starts = entries.map((a) => a.startYear).filter((y): y is number => y !== null);
  const ends = entries.map((a) => a.endYear).filter((y): y is number => y !== null);
  const start = starts.length ? Math.min(...starts) : null;
  const end = ends.length ? Math.max(...ends) : null;
  const years =
    start !== null && end !== null
      ? start === end
        ? `${start}`
        : `${start} – ${end}`
      : start !== null
        ? `from ${start}`
        : end !== null
          ? `until ${end}`
          : null;
  return distinct([years, ...entries.map((a) => a.period)]).join(', ');
}

/**
 * Schools and studios, each organization once per kind of stay: the sources may state one stay several times
 * (Northwestern University twice, from two passages), so its roles, details, years and quotes are gathered on one line.
 */
function affiliationList(affiliations: Affiliation[]) {
  const groups = new Map<string, Affiliation[]>();
  for (const a of affiliations) {
    const key = `${a.type}|${a.organization.slug}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return h(
    'ul',
    { class: 'fact-list affiliations' },
    [...groups.values()].map((entries) => {
      const first = entries[0] as Affiliation;
      const roles = distinct(entries.map((a) => a.role));
      const details = distinct(entries.map((a) => a.detail));
      const when = affiliationWhen(entries);
      return h(
        'li',
        { 'data-organization': first.organization.slug, 'data-type': first.type },
        h(
          'div',
          { class: 'fact' },
          `${AFFILIATION_WORDS[first.type] ?? kindName(first.type)} `,
          h('strong', {}, first.organization.name),
          roles.length ? ` as ${roles.join(', ')}` : '',
          when ? ` (${when})` : '',
          details.length ? h('span', { class: 'credit-detail' }, ` — ${details.join('; ')}`) : '',
        ),
        sourceList(entries.flatMap((a) => a.sources)),
      );
    }),
  );
}

function birthLine(birth: PersonDetail['birth']) {
  if (!birth) return null;
  return h(
    'div',
    { class: 'fact-block' },
    h('p', { class: 'fact' }, 'Born ', birth.date ? `${birth.date}, ` : '', birth.place.name),
    sourceList(birth.sources),
  );
}

function creditGroups<T extends { role: Role; detail: string | null; sources: Source[] }>(
  credits: T[],
  label: (credit: T) => Node,
) {
  // A short list opens whole; a long one opens its biggest role only.
  const openAll = credits.length <= 12;
  return byRole(credits).map(([role, items], i) =>
    h(
      'details',
      { class: 'role-group', open: openAll || i === 0, 'data-role': role },
      h('summary', {}, roleName(role), h('span', { class: 'count' }, ` ${items.length}`)),
      h(
        'ul',
        { class: 'fact-list' },
        items.map((c) =>
          h(
            'li',
            {},
            h('div', { class: 'fact' }, label(c), c.detail ? h('span', { class: 'credit-detail' }, ` — ${c.detail}`) : ''),
            sourceList(c.sources),
          ),
        ),
      ),
    ),
  );
}

function affiliationSection(affiliations: Affiliation[]) {
  const list = affiliationList(affiliations);
  return section('Schools and studios', list.children.length, list);
}

export function personPanel(p: PersonDetail, actions: PanelActions): HTMLElement {
  const credits = p.credits.edges.map((e) => e.node);
  const works = new Set(credits.map((c) => c.work.slug)).size;
  const people = (title: string, list: PersonRef[]) =>
    list.length
      ? h('p', { class: 'fact' }, `${title}: `, ...list.flatMap((m, i) => [i ? ', ' : '', personLink(m, actions)]))
      : null;
  return h(
    'article',
    { class: 'selection', 'data-kind': 'person', 'data-slug': p.slug, 'aria-labelledby': 'detail-title' },
    h('p', { class: 'eyebrow' }, p.kind ? kindName(p.kind) : p.isGroup ? 'Group' : 'Person', lifeSpan(p)),
    h('h2', { id: 'detail-title', tabindex: '-1' }, p.name),
    p.disambiguation ? h('p', { class: 'aliases' }, p.disambiguation) : null,
    p.aliases.length ? h('p', { class: 'aliases' }, `Also ${p.aliases.join(', ')}`) : null,
    identifierList(p.identifiers),
    h(
      'p',
      { class: 'summary' },
      `${p.credits.totalCount} credit${p.credits.totalCount === 1 ? '' : 's'} on ${works} work${works === 1 ? '' : 's'}`,
      p.awards.length ? ` · ${p.awards.length} award${p.awards.length === 1 ? '' : 's'}` : '',
      p.conflicts.length ? ` · ${p.conflicts.length} conflict${p.conflicts.length === 1 ? '' : 's'} in the sources` : '',
    ),
    selectionLinks(PERSON, p.slug, true),
    birthLine(p.birth),
    people('Members', p.members),
    people('Member of', p.memberOf),
    sourcesAbout(p.name, p.sources),
    section(
      'Credits by role',
      p.credits.totalCount,
      h(
        'div',
        {},
        creditGroups(credits, (c) => workLink(c.work, actions)),
      ),
      p.credits.totalCount > credits.length ? h('p', { class: 'note' }, `The first ${credits.length} are shown.`) : null,
    ),
    p.awards.length ? section('Awards', p.awards.length, awardList(p.awards, actions, false)) : null,
    p.affiliations.length ? affiliationSection(p.affiliations) : null,
    p.conflicts.length ? section('Conflicts in the sources', p.conflicts.length, conflictList(p.conflicts)) : null,
    p.associations.length
      ? section(
          'Also linked to',
          p.associations.length,
          h(
            'ul',
            { class: 'fact-list' },
            p.associations.map((a) =>
              h(
                'li',
                {},
                associationWords(a.type, a.direction),
                personLink(a.person, actions),
                a.detail ? ` — ${a.detail}` : '',
              ),
            ),
          ),
        )
      : null,
  );
}

export function workPanel(w: WorkDetail, actions: PanelActions): HTMLElement {
  const works = (title: string, list: WorkRef[]) =>
    list.length
      ? h('p', { class: 'fact' }, `${title}: `, ...list.flatMap((x, i) => [i ? ', ' : '', workLink(x, actions)]))
      : null;
  return h(
    'article',
    { class: 'selection', 'data-kind': 'work', 'data-slug': w.slug, 'aria-labelledby': 'detail-title' },
    h('p', { class: 'eyebrow' }, kindName(w.kind), w.date ? ` · ${w.date}` : w.year ? ` · ${w.year}` : ''),
    h('h2', { id: 'detail-title', tabindex: '-1' }, w.title),
    w.disambiguation ? h('p', { class: 'aliases' }, w.disambiguation) : null,
    identifierList(w.identifiers),
    selectionLinks(WORK, w.slug, false),
    works('Part of', w.partOf),
    works('Parts', w.parts),
    sourcesAbout(w.title, w.sources),
    section(
      'Credits by role',
      w.credits.length,
      h(
        'div',
        {},
        creditGroups(w.credits, (c) => personLink(c.person, actions)),
      ),
    ),
    w.awards.length ? section('Awards', w.awards.length, awardList(w.awards, actions, true)) : null,
    w.conflicts.length ? section('Conflicts in the sources', w.conflicts.length, conflictList(w.conflicts)) : null,
  );
}

/**
 * A source document to read: its text with the quote marked (and scrolled to by the page), a link to the original;
 * where Liner holds no text, what it knows of the document.
 */
export function documentPanel(d: DocumentDetail, span: { start: number; end: number } | null, back: () => void): HTMLElement {
  const text = d.text;
  const body =
    text === null
      ? h('p', { class: 'note' }, 'Liner holds no text for this document', d.url ? '; the original is linked above.' : '.')
      : h(
          'div',
          { class: 'document-text' },
          span ? text.slice(0, span.start) : text,
          span ? h('mark', { id: 'quote' }, text.slice(span.start, span.end)) : null,
          span ? text.slice(span.end) : null,
        );
  return h(
    'article',
    { class: 'selection', 'data-kind': 'document', 'data-slug': d.slug, 'aria-labelledby': 'detail-title' },
    h('p', { class: 'eyebrow' }, 'Source', d.kind ? ` · ${kindName(d.kind)}` : '', d.licence ? ` · ${d.licence}` : ''),
    h('h2', { id: 'detail-title', tabindex: '-1' }, d.title),
    h(
      'p',
      { class: 'links' },
      h('button', { type: 'button', class: 'link back', onclick: back }, '← Back'),
      webLink(d.url)
        ? [' · ', h('a', { href: webLink(d.url), rel: 'noopener noreferrer', target: '_blank', class: 'original' }, 'Original')]
        : null,
    ),
    body,
  );
}
