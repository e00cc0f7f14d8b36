// A search box with results as you type (debounced), in the WAI-ARIA combobox pattern: arrows move, Enter picks.
import { type SearchHit, search } from './api.ts';
import { debounce, h } from './dom.ts';
import { kindName } from './format.ts';

export interface ComboboxOptions {
  input: HTMLInputElement;
  /** Which hit kinds to offer. */
  kinds: SearchHit['kind'][];
  onPick: (hit: SearchHit) => void;
  /** Where the result count is announced to screen readers. */
  announce?: (message: string) => void;
  delayMs?: number;
}

export interface Combobox {
  /** The last picked hit, or null once the text was edited after picking. */
  picked(): SearchHit | null;
  /** The best hit for the typed text, picked or not: lets a form submit without choosing from the list. */
  resolve(): Promise<SearchHit | null>;
  set(hit: SearchHit): void;
}

let instances = 0;

export function combobox({ input, kinds, onPick, announce, delayMs = 200 }: ComboboxOptions): Combobox {
  const listId = `${input.id || `combobox-${++instances}`}-results`;
  const list = h('ul', { id: listId, role: 'listbox', class: 'results', hidden: true, 'aria-label': 'Search results' });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.autocomplete = 'off';
  input.spellcheck = false;

  let hits: SearchHit[] = [];
  /** The text `hits` answer; differs from the input's while a search is pending. */
  let hitsFor = '';
  let active = -1;
  let chosen: SearchHit | null = null;
  let controller: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            class: 'result',
            'aria-selected': i === active ? 'true' : 'false',
            'data-slug': hit.slug,
            // mousedown, not click: it fires before the input's blur closes the list.
            onmousedown: ((event: MouseEvent) => {
              event.preventDefault();
              pick(hit);
            }) as EventListener,
          },
          h('span', { class: 'result-name' }, hit.name),
          h('span', { class: `kind kind-${hit.kind.toLowerCase()}` }, kindName(hit.kind)),
        ),
      ),
    );
    if (hits.length === 0 && input.value.trim())
      list.append(h('li', { class: 'result empty', role: 'presentation' }, 'No match'));
    list.hidden = input.value.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const query = async (text: string): Promise<SearchHit[]> => {
    controller?.abort();
    controller = new AbortController();
    const all = await search(text, controller.signal);
    return all.filter((hit) => kinds.includes(hit.kind));
  };

  const run = debounce(async (text: string) => {
    if (!text) return close();
    try {
      const found = await query(text);
      if (input.value.trim() !== text) return; // typed on meanwhile: a newer request is coming
      hits = found;
      hitsFor = text;
      active = -1;
      render();
      announce?.(`${hits.length} result${hits.length === 1 ? '' : 's'} for “${text}”`);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') announce?.(`Search failed: ${(error as Error).message}`);
    }
  }, delayMs);

  const pick = (hit: SearchHit) => {
    chosen = hit;
    input.value = hit.name;
    close();
    onPick(hit);
  };

  input.addEventListener('input', () => {
    chosen = null;
    run(input.value.trim());
  });
  input.addEventListener('keydown', (event) => {
    const text = input.value.trim();
    if (event.key === 'Enter' && text && hitsFor !== text && !chosen) {
      // Enter before the debounced search answered: search now and take the best hit.
      event.preventDefault();
      void query(text).then((found) => {
        if (found[0] && input.value.trim() === text) pick(found[0]);
      });
      return;
    }
    const open = !list.hidden && hits.length > 0;
    if (event.key === 'ArrowDown' && open) {
      active = (active + 1) % hits.length;
      render();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && open) {
      active = active <= 0 ? hits.length - 1 : active - 1;
      render();
      event.preventDefault();
    } else if (event.key === 'Enter' && open) {
      const hit = hits[active >= 0 ? active : 0];
      if (hit) {
        pick(hit);
        event.preventDefault();
      }
    } else if (event.key === 'Escape' && !list.hidden) {
      close();
      event.preventDefault();
    }
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (hits.length && input.value.trim() && !chosen) render();
  });

  return {
    picked: () => chosen,
    async resolve() {
      if (chosen) return chosen;
      const text = input.value.trim();
      if (!text) return null;
      const found = await query(text);
      return found[0] ?? null;
    },
    set(hit) {
      chosen = hit;
      input.value = hit.name;
      hits = [];
      hitsFor = '';
      close();
    },
  };
}
