// How API values read on the page: role names, years, sources and citations.
import type { Identifier, Role, Source } from './api.ts';
import { h } from './dom.ts';
import { webLink } from './links.ts';

/** Names that differ from the enum value read as words (`MASTERING_ENGINEER` reads "Mastering engineer" by itself). */
const ROLE_NAMES: Record<string, string> = {
  CO_PRODUCER: 'Co-producer',
  DJ_MIXER: 'DJ mixer',
  LINER_NOTES: 'Liner notes',
};

export const roleName = (role: Role) => ROLE_NAMES[role] ?? kindName(role);
export const roleList = (roles: Role[]) => roles.map((r) => roleName(r).toLowerCase()).join(', ');
export function kindName(kind: string): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
}
/** "1 collaborator", "2 collaborators", "1 person", "3 people". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const withYear = (title: string, year: number | null | undefined) => (year ? `${title} (${year})` : title);

/** What a citation asks for when clicked: the page (main.ts) opens the document with the quote in view. */
export interface ReadRequest {
  document: string;
  span: { start: number; end: number } | null;
}
export const READ_EVENT = 'liner:read';

/**
 * The verbatim quotes behind a fact, each once, with its document and citation markers; the citation opens the
 * document at the quote (a bubbling event, so the lists need no handle on the page).
 */
export function sourceList(sources: Source[]): HTMLElement | null {
  if (sources.length === 0) return null;
  const seen = new Set<string>();
  const unique = sources.filter((s) => {
    const key = `${s.document.slug}|${s.citations.join(',')}|${s.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return h(
    'ul',
    { class: 'sources' },
    unique.map((s) =>
      h(
        'li',
        {},
        h('q', {}, s.quote),
        ' ',
        h(
          'cite',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-document': s.document.slug,
              title: s.span ? 'Read the quote in its context' : 'About this source',
              onclick: (event: Event) =>
                event.currentTarget?.dispatchEvent(
                  new CustomEvent<ReadRequest>(READ_EVENT, {
                    bubbles: true,
                    detail: { document: s.document.slug, span: s.span },
                  }),
                ),
            },
            s.document.title,
            s.citations.length ? ` ${s.citations.map((c) => `[${c}]`).join('')}` : '',
          ),
        ),
      ),
    ),
  );
}

const SCHEME_NAMES: Record<string, string> = {
  MUSICBRAINZ: 'MusicBrainz',
  DISCOGS_ARTIST: 'Discogs',
  DISCOGS_RELEASE: 'Discogs release',
  DISCOGS_MASTER: 'Discogs master',
  DISCOGS_LABEL: 'Discogs label',
  WIKIDATA: 'Wikidata',
};

/** Identifiers in other catalogues, each a link to its page where it has one. */
export function identifierList(identifiers: Identifier[]): HTMLElement | null {
  if (identifiers.length === 0) return null;
  return h(
    'p',
    { class: 'fact identifiers' },
    ...identifiers.flatMap((id, i) => {
      const label = `${SCHEME_NAMES[id.scheme] ?? id.scheme} ${id.value}`;
      const href = webLink(id.url);
      const item = href
        ? h('a', { href, rel: 'noopener noreferrer', target: '_blank', 'data-scheme': id.scheme }, label)
        : h('span', { 'data-scheme': id.scheme }, label);
      return i ? [' · ', item] : [item];
    }),
  );
}
