// Everyone and everything, a page at a time: the API's `people` and `works` connections, paged by cursor.
import * as api from './api.ts';
import { byId, h } from './dom.ts';
import { kindName, withYear } from './format.ts';
import type { PanelActions } from './panel.ts';

export const PAGE_SIZE = 20;
type Kind = 'people' | 'works';

/** Wires the browser in index.html: it loads its first page when first opened. */
export function browser(actions: PanelActions): void {
  const root = byId<HTMLDetailsElement>('browse');
  const list = byId('browse-list');
  const status = byId('browse-status');
  const previous = byId<HTMLButtonElement>('browse-prev');
  const next = byId<HTMLButtonElement>('browse-next');
  const kindButtons = [...root.querySelectorAll<HTMLButtonElement>('[data-browse]')];
  let kind: Kind = 'people';
  /** The cursor each page shown so far started after (null: the first page); the last is the page on screen. */
  let cursors: (string | null)[] = [null];
  let nextCursor: string | null = null;
  let request = 0;

  async function show(): Promise<void> {
    const ask = ++request;
    const after = cursors[cursors.length - 1] ?? null;
    previous.disabled = true;
    next.disabled = true;
    root.setAttribute('aria-busy', 'true');
    try {
      const items =
        kind === 'people'
          ? await api.peoplePage(PAGE_SIZE, after).then((p) => ({
              ...p,
              chips: p.items.map((person) =>
                h(
                  'button',
                  { type: 'button', class: 'chip', 'data-person': person.slug, onclick: () => actions.openPerson(person.slug) },
                  person.name,
                ),
              ),
            }))
          : await api.worksPage(PAGE_SIZE, after).then((p) => ({
              ...p,
              chips: p.items.map((work) =>
                h(
                  'button',
                  { type: 'button', class: 'chip', 'data-work': work.slug, onclick: () => actions.openWork(work.slug) },
                  withYear(work.title, work.year),
                  work.kind ? h('span', { class: 'chip-count' }, ` ${kindName(work.kind).toLowerCase()}`) : '',
                ),
              ),
            }));
      if (ask !== request) return;
      list.replaceChildren(...items.chips.map((chip) => h('li', {}, chip)));
      const from = (cursors.length - 1) * PAGE_SIZE + 1;
      const to = from + items.chips.length - 1;
      status.textContent = items.chips.length
        ? `${kind === 'people' ? 'People' : 'Works'} ${from}–${to} of ${items.totalCount}`
        : `No ${kind}.`;
      nextCursor = items.pageInfo.hasNextPage ? items.pageInfo.endCursor : null;
      previous.disabled = cursors.length === 1;
      next.disabled = nextCursor === null;
    } catch (error) {
      if (ask === request) status.textContent = (error as Error).message;
    } finally {
      if (ask === request) root.removeAttribute('aria-busy');
    }
  }

  root.addEventListener('toggle', () => {
    if (root.open && !list.childElementCount) void show();
  });
  for (const button of kindButtons) {
    button.addEventListener('click', () => {
      kind = button.dataset.browse as Kind;
      for (const b of kindButtons) b.setAttribute('aria-pressed', String(b === button));
      cursors = [null];
      void show();
    });
  }
  next.addEventListener('click', () => {
    if (nextCursor === null) return;
    cursors.push(nextCursor);
    void show();
  });
  previous.addEventListener('click', () => {
    if (cursors.length > 1) cursors.pop();
    void show();
  });
}
