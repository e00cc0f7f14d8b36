// The explorer page: search, the collaboration network, the path finder and the side panel, wired together.
import './style.css';
import * as api from './api.ts';
import { browser } from './browser.ts';
import { combobox } from './combobox.ts';
import { byId, h } from './dom.ts';
import { GraphView } from './graph-view.ts';
import { exportUrl, graphiqlUrl } from './links.ts';
import { count, READ_EVENT, type ReadRequest } from './format.ts';
import { documentPanel, type PanelActions, personPanel, workPanel } from './panel.ts';
import { pathFinder } from './path-finder.ts';

const statusLine = byId('status');
const detail = byId('detail');
const peopleList = byId('people');
const graphElement = byId('graph');
const fitButton = byId<HTMLButtonElement>('fit');
const graphiqlLink = byId<HTMLAnchorElement>('graph-graphiql');
const exportLink = byId<HTMLAnchorElement>('graph-export');
const worksButton = byId<HTMLButtonElement>('show-works');

/** The last thing said about the network and the selection: what the status line returns to after reading a source. */
let graphStatus = statusLine.textContent ?? '';

/** Says what the page now shows; `transient` messages (reading a document) are not kept for coming back. */
const announce = (message: string, { transient = false } = {}) => {
  statusLine.textContent = message;
  if (!transient) graphStatus = message;
};

/** The person the network was opened for, and what the panel shows. */
let focus: string | null = null;
let selected: { kind: 'person' | 'work'; slug: string } | null = null;
/** Each new selection bumps this, so a slow answer for an older one is dropped. */
let panelRequest = 0;

const graph = new GraphView(graphElement, (tapped) => {
  if (tapped.kind === 'person') void openPerson(tapped.slug, { focusPanel: false });
  else if (tapped.kind === 'work') void openWork(tapped.slug, { focusPanel: false });
  else if (tapped.work) void openWork(tapped.work, { focusPanel: false });
});

/** Works fetched for drawing as nodes, by slug: a work is asked for once, however often the network grows. */
const fetchedWorks = new Map<string, api.WorkNode>();

/** With works shown, draws the works on the links drawn (fetching those not fetched yet) and their awards. */
async function drawWorks(): Promise<void> {
  if (!graph.worksShown) return;
  const missing = graph.undrawnWorkIds();
  if (missing.length) for (const work of await api.workNodes(missing)) fetchedWorks.set(work.slug, work);
  graph.showWorks([...fetchedWorks.values()]);
}

/** What the network holds, for the status line. */
function graphSummary(): string {
  const people = Number(graphElement.dataset.nodeCount ?? 0);
  const links = Number(graphElement.dataset.edgeCount ?? 0);
  const shown = `${count(people, 'person', 'people')} and ${count(links, 'link')}`;
  if (!graph.worksShown) return `The graph shows ${shown}.`;
  const works = Number(graphElement.dataset.workCount ?? 0);
  const awards = Number(graphElement.dataset.awardCount ?? 0);
  return `The graph shows ${shown}, through ${count(works, 'work')} and ${count(awards, 'award')}.`;
}

const actions: PanelActions = {
  openPerson: (slug) => void openPerson(slug, { focusPanel: true }),
  openWork: (slug) => void openWork(slug, { focusPanel: true }),
};

function setHash(hash: string) {
  history.replaceState(null, '', `${location.pathname}${location.search}#${hash}`);
}

function renderPeople() {
  const nodes = graph.nodes().sort((a, b) => (b.works ?? 0) - (a.works ?? 0) || a.name.localeCompare(b.name));
  peopleList.replaceChildren(
    ...nodes.map((n) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: `chip${n.expanded ? ' expanded' : ''}${selected?.kind === 'person' && selected.slug === n.slug ? ' selected' : ''}`,
            'data-person': n.slug,
            'aria-current': selected?.kind === 'person' && selected.slug === n.slug ? 'true' : null,
            onclick: () => void openPerson(n.slug, { focusPanel: false }),
          },
          n.name,
          h('span', { class: 'chip-count' }, n.works === null ? '' : ` ${n.works}`),
          n.expanded ? h('span', { class: 'visually-hidden' }, ' (expanded)') : null,
        ),
      ),
    ),
  );
  const edges = Number(graphElement.dataset.edgeCount ?? 0);
  fitButton.disabled = nodes.length === 0;
  worksButton.disabled = nodes.length === 0;
  if (focus) {
    graphiqlLink.href = graphiqlUrl(api.COLLABORATORS, { slug: focus });
    exportLink.href = exportUrl(focus, 1);
    graphiqlLink.removeAttribute('aria-disabled');
    exportLink.removeAttribute('aria-disabled');
  }
  return { nodes: nodes.length, edges };
}

/** Fetches a person's collaborators and merges them into the network (after clearing it, for a new search). */
async function expand(slug: string, reset: boolean): Promise<void> {
  const data = await api.collaborators(slug);
  if (!data) throw new api.ApiError(`No person “${slug}”.`, 'NOT_FOUND');
  if (reset) {
    graph.clear();
    focus = slug;
  }
  graph.merge({ center: data, collaborators: data.collaborators.edges });
  const unsized = graph.unsized();
  if (unsized.length) graph.setWorkCounts(await api.workCounts(unsized));
  await drawWorks();
  await graph.layout(slug);
  graph.select(selected?.kind === 'person' ? selected.slug : null);
  renderPeople();
  announce(`${data.name}: ${count(data.collaborators.totalCount, 'collaborator')}. ${graphSummary()}`);
}

async function showPanel(kind: 'person' | 'work', slug: string, focusPanel: boolean) {
  const request = ++panelRequest;
  selected = { kind, slug };
  detail.setAttribute('aria-busy', 'true');
  try {
    const panel =
      kind === 'person'
        ? await api.person(slug).then((p) => (p ? personPanel(p, actions) : null))
        : await api.work(slug).then((w) => (w ? workPanel(w, actions) : null));
    if (request !== panelRequest) return;
    detail.replaceChildren(panel ?? h('p', { class: 'error' }, `Nothing found for “${slug}”.`));
    setHash(`${kind}=${encodeURIComponent(slug)}`);
    if (focusPanel) detail.querySelector<HTMLElement>('h2')?.focus();
  } catch (error) {
    if (request === panelRequest) detail.replaceChildren(h('p', { class: 'error' }, (error as Error).message));
  } finally {
    if (request === panelRequest) detail.removeAttribute('aria-busy');
  }
}

/** Selects a person: the panel shows them, and the network grows by their collaborators (or restarts from them). */
async function openPerson(slug: string, { reset = false, focusPanel = false }: { reset?: boolean; focusPanel?: boolean }) {
  graph.drawPath(null);
  graph.highlightWork(null);
  selected = { kind: 'person', slug };
  graph.select(slug);
  announce('Loading…');
  const known = graph.nodes().find((n) => n.slug === slug);
  try {
    await Promise.all([showPanel('person', slug, focusPanel), reset || !known?.expanded ? expand(slug, reset) : undefined]);
    if (known?.expanded && !reset) {
      renderPeople();
      announce(`${known.name}: collaborators already drawn. ${graphSummary()}`);
    }
  } catch (error) {
    announce((error as Error).message);
  }
}

async function openWork(slug: string, { focusPanel = false }: { focusPanel?: boolean }) {
  graph.drawPath(null);
  graph.select(null);
  const links = graph.highlightWork(slug);
  await showPanel('work', slug, focusPanel);
  renderPeople();
  announce(
    links
      ? `${count(links, 'link')} in the graph ${links === 1 ? 'shares' : 'share'} this work (highlighted).`
      : 'No link in the graph shares this work.',
  );
}

combobox({
  input: byId<HTMLInputElement>('search'),
  kinds: ['PERSON', 'WORK'],
  announce,
  onPick: (hit) => void (hit.kind === 'PERSON' ? openPerson(hit.slug, { reset: true }) : openWork(hit.slug, {})),
});

const paths = pathFinder({
  actions,
  announce,
  onPath: async (path, from, to) => {
    setHash(`path=${encodeURIComponent(from)},${encodeURIComponent(to)}`);
    if (!path) return graph.drawPath(null);
    const before = graph.nodes().length;
    graph.learnIds(new Map(path.steps.flatMap((s) => [[s.from.slug, s.from.id] as const, [s.to.slug, s.to.id] as const])));
    graph.drawPath(path);
    const unsized = graph.unsized();
    if (unsized.length) graph.setWorkCounts(await api.workCounts(unsized));
    if (graph.nodes().length !== before) {
      await drawWorks();
      await graph.layout(focus ?? path.steps[0]?.from.slug);
    }
    graph.fit(path.steps.flatMap((s) => [s.from.slug, s.to.slug]));
    renderPeople();
  },
});

/** A citation was clicked: the panel shows its document with the quote marked and in view; Back returns. */
detail.addEventListener(READ_EVENT, (event) => void readSource((event as CustomEvent<ReadRequest>).detail));
async function readSource({ document: slug, span }: ReadRequest) {
  const request = ++panelRequest;
  const previous = selected;
  detail.setAttribute('aria-busy', 'true');
  try {
    const found = await api.documentOf(slug);
    if (request !== panelRequest) return;
    // Back to what was open, and the status line back to what it said of the network before the reading began
    // (or since: a tap on the canvas while reading updates it).
    const back = () => {
      announce(graphStatus);
      if (previous) void showPanel(previous.kind, previous.slug, true);
    };
    detail.replaceChildren(found ? documentPanel(found, span, back) : h('p', { class: 'error' }, `No document “${slug}”.`));
    detail.querySelector('#quote')?.scrollIntoView({ block: 'center' });
    detail.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    announce(`Reading ${found?.title ?? slug}${span ? ', the quote marked' : ''}.`, { transient: true });
  } catch (error) {
    if (request === panelRequest) detail.replaceChildren(h('p', { class: 'error' }, (error as Error).message));
  } finally {
    if (request === panelRequest) detail.removeAttribute('aria-busy');
  }
}

// A person picked from the browser starts a new network unless already drawn.
browser({
  openPerson: (slug) => void openPerson(slug, { reset: !graph.has(slug), focusPanel: true }),
  openWork: actions.openWork,
});

fitButton.addEventListener('click', () => graph.fit());

/** Works and awards as nodes, or people only: the network is laid out again either way. */
worksButton.addEventListener('click', async () => {
  const show = !graph.worksShown;
  worksButton.setAttribute('aria-pressed', String(show));
  worksButton.disabled = true;
  announce(show ? 'Drawing works and awards…' : 'Back to people only…');
  try {
    if (show) {
      graph.worksShown = true;
      await drawWorks();
    } else graph.hideWorks();
    await graph.layout(focus ?? undefined);
    renderPeople();
    announce(graphSummary());
  } catch (error) {
    announce((error as Error).message);
  } finally {
    worksButton.disabled = graph.nodes().length === 0;
  }
});
for (const link of [graphiqlLink, exportLink]) {
  link.addEventListener('click', (event) => {
    if (link.getAttribute('aria-disabled') === 'true') event.preventDefault();
  });
}

// A URL names what to open: #person=thom-russo, #work=bobby, #path=bobby-brown,johnny-cash.
const [key, value = ''] = location.hash.slice(1).split('=');
if (key === 'person' && value) void openPerson(decodeURIComponent(value), { reset: true });
else if (key === 'work' && value) void openWork(decodeURIComponent(value), {});
else if (key === 'path' && value) {
  const [from, to] = value.split(',').map(decodeURIComponent);
  if (from && to) void paths.find(from, to, 4);
}

// Read-only hooks for end-to-end tests and the curious: where each person is drawn, and the box of each label.
Object.assign(window, {
  linerExplorer: {
    nodes: () => graph.nodes(),
    pagePosition: (slug: string) => graph.pagePosition(slug),
    labelBoxes: () => graph.labelBoxes(),
    workEdges: () => graph.workEdges(),
  },
});
