// The path finder: two people in, the shortest chain of shared works out, listed step by step with roles.
import { type Path, SHORTEST_PATH, shortestPath } from './api.ts';
import { type Combobox, combobox } from './combobox.ts';
import { byId, h } from './dom.ts';
import { roleList, withYear } from './format.ts';
import { graphiqlUrl } from './links.ts';
import type { PanelActions } from './panel.ts';

export interface PathFinderOptions {
  actions: PanelActions;
  announce: (message: string) => void;
  onPath: (path: Path | null, from: string, to: string) => void | Promise<void>;
}

/** "Bobby Brown —Bobby— Thom Russo —The Man Comes Around— Johnny Cash" */
export function chainText(path: Path): string {
  const [first] = path.steps;
  if (!first) return '';
  return [first.from.name, ...path.steps.map((s) => `—${s.work.title}— ${s.to.name}`)].join(' ');
}

export function pathFinder({ actions, announce, onPath }: PathFinderOptions) {
  const form = byId<HTMLFormElement>('path-form');
  const result = byId('path-result');
  const hops = byId<HTMLSelectElement>('path-hops');
  const ends: Record<'from' | 'to', Combobox> = {
    from: combobox({ input: byId<HTMLInputElement>('path-from'), kinds: ['PERSON'], onPick: () => {}, announce }),
    to: combobox({ input: byId<HTMLInputElement>('path-to'), kinds: ['PERSON'], onPick: () => {}, announce }),
  };

  const person = (p: { slug: string; name: string }) =>
    h('button', { type: 'button', class: 'link', 'data-person': p.slug, onclick: () => actions.openPerson(p.slug) }, p.name);

  const show = (path: Path | null, from: string, to: string, maxHops: number) => {
    const variables = { from, to, maxHops };
    const query = h(
      'a',
      { href: graphiqlUrl(SHORTEST_PATH, variables), target: '_blank', rel: 'noopener', class: 'button' },
      'Query in GraphiQL',
    );
    if (!path) {
      result.replaceChildren(h('p', { class: 'note' }, `No chain within ${maxHops} hop${maxHops === 1 ? '' : 's'}.`), query);
      return;
    }
    result.replaceChildren(
      h('p', { class: 'chain', 'data-hops': path.hops }, chainText(path)),
      h(
        'ol',
        { class: 'steps' },
        path.steps.map((s) =>
          h(
            'li',
            { class: 'step' },
            person(s.from),
            h('span', { class: 'roles' }, ` (${roleList(s.fromRoles)})`),
            ' — ',
            h(
              'button',
              { type: 'button', class: 'link work', 'data-work': s.work.slug, onclick: () => actions.openWork(s.work.slug) },
              withYear(s.work.title, s.work.year),
            ),
            ' — ',
            person(s.to),
            h('span', { class: 'roles' }, ` (${roleList(s.toRoles)})`),
          ),
        ),
      ),
      h('p', { class: 'selection-links' }, query),
    );
  };

  const find = async (from: string, to: string, maxHops: number) => {
    result.replaceChildren(h('p', { class: 'note' }, 'Finding the shortest chain…'));
    try {
      const path = await shortestPath(from, to, maxHops);
      show(path, from, to, maxHops);
      if (path?.steps[0]) {
        const last = path.steps[path.steps.length - 1];
        ends.from.set({ kind: 'PERSON', slug: path.steps[0].from.slug, name: path.steps[0].from.name });
        if (last) ends.to.set({ kind: 'PERSON', slug: last.to.slug, name: last.to.name });
      }
      announce(path ? `Chain found: ${path.hops} hop${path.hops === 1 ? '' : 's'}.` : 'No chain found.');
      await onPath(path, from, to);
    } catch (error) {
      result.replaceChildren(h('p', { class: 'error' }, (error as Error).message));
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const inputs = [byId<HTMLInputElement>('path-from'), byId<HTMLInputElement>('path-to')];
    const blank = inputs.find((input) => !input.value.trim());
    if (blank) {
      result.replaceChildren(h('p', { class: 'error' }, 'Enter two people.'));
      blank.focus();
      return;
    }
    const [from, to] = await Promise.all([ends.from.resolve(), ends.to.resolve()]);
    if (!from || !to) {
      result.replaceChildren(h('p', { class: 'error' }, `No person matches “${(from ? inputs[1] : inputs[0])?.value}”.`));
      return;
    }
    await find(from.slug, to.slug, Number(hops.value));
  });

  return { find };
}
