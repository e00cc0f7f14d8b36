// How API values read on the page: role names, years, sources and citations.
import type { Role, Source } from './api.ts';
import { h } from './dom.ts';

const ROLE_NAMES: Record<Role, string> = {
  ASSISTANT_ENGINEER: 'Assistant engineer',
  COMPOSER: 'Composer',
  CONTRIBUTOR: 'Contributor',
  CO_PRODUCER: 'Co-producer',
  DIRECTOR: 'Director',
  ENGINEER: 'Engineer',
  FEATURED_ARTIST: 'Featured artist',
  MIXER: 'Mixer',
  PERFORMER: 'Performer',
  PRIMARY_ARTIST: 'Primary artist',
  PRODUCER: 'Producer',
  RECORDING_ENGINEER: 'Recording engineer',
  SONGWRITER: 'Songwriter',
};

export const roleName = (role: Role) => ROLE_NAMES[role] ?? role;
export const roleList = (roles: Role[]) => roles.map((r) => roleName(r).toLowerCase()).join(', ');
export const kindName = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');
export const withYear = (title: string, year: number | null | undefined) => (year ? `${title} (${year})` : title);

/** The verbatim quotes behind a fact, each with its document and citation markers. */
export function sourceList(sources: Source[]): HTMLElement | null {
  if (sources.length === 0) return null;
  return h(
    'ul',
    { class: 'sources' },
    sources.map((s) =>
      h(
        'li',
        {},
        h('q', {}, s.quote),
        ' ',
        h('cite', {}, s.document, s.citations.length ? ` ${s.citations.map((c) => `[${c}]`).join('')}` : ''),
      ),
    ),
  );
}
