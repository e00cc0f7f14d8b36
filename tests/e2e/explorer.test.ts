// The explorer in a real headless Chromium against the real server (src/main.ts on a free port): search, the
// network drawn on the canvas, expanding a node, the shortest chain, the links out, the keyboard and a phone width.
// Screenshots go to test-results/explorer/. Chromium is Debian's; no browser is ever downloaded.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../server-process.ts';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium } from './chromium.ts';

const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
const SHOTS = fileURLToPath(new URL('../../test-results/explorer/', import.meta.url));
const CHAIN = 'Bobby Brown —Bobby— Thom Russo —The Man Comes Around— Johnny Cash';

it.runIf(!HAVE_CHROMIUM)(`needs Chromium at ${CHROMIUM}`, (context) => {
  const install = 'apt-get update && apt-get install -y chromium';
  if (IN_CI) throw new Error(`Chromium is missing at ${CHROMIUM}: CI must run the explorer's browser test (${install}).`);
  context.skip(`no Chromium at ${CHROMIUM}, so the explorer's browser test is skipped here (${install} to run it)`);
});

/** Counts on the graph container, written by the page after each change of the drawing. */
const graphCounts = (page: Page) =>
  page.$eval('#graph', (el) => ({
    nodes: Number((el as HTMLElement).dataset.nodeCount),
    edges: Number((el as HTMLElement).dataset.edgeCount),
  }));

/** Whether the canvas is painted in the node colour where the page says a person is drawn. */
async function paintedAt(page: Page, slug: string): Promise<{ r: number; g: number; b: number; a: number } | null> {
  return page.evaluate((person) => {
    const hooks = (window as unknown as { linerExplorer: { pagePosition(s: string): { x: number; y: number } | null } })
      .linerExplorer;
    const at = hooks.pagePosition(person);
    if (!at) return null;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#graph canvas')) {
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const pixel = canvas
        .getContext('2d')
        ?.getImageData(Math.round((at.x - box.left) * scale), Math.round((at.y - box.top) * scale), 1, 1).data;
      if (pixel && pixel[3] === 255)
        return { r: pixel[0] as number, g: pixel[1] as number, b: pixel[2] as number, a: pixel[3] as number };
    }
    return null;
  }, slug);
}

interface LabelBox {
  slug: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Every pair of drawn nodes whose boxes, labels included, overlap (as cytoscape measures them on the page). */
async function overlappingLabels(page: Page): Promise<string[]> {
  const boxes = await page.evaluate(() =>
    (window as unknown as { linerExplorer: { labelBoxes(): LabelBox[] } }).linerExplorer.labelBoxes(),
  );
  expect(boxes.length).toBeGreaterThan(1);
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${a.slug} / ${b.slug}`);
  return pairs;
}

/** Types into a search box as a person would and picks the named result with the keyboard. */
async function typeAndPick(page: Page, selector: string, text: string, pick: string) {
  await page.click(selector);
  await page.keyboard.type(text, { delay: 30 });
  const listbox = `#${await page.$eval(selector, (el) => el.getAttribute('aria-controls'))}`;
  await page.waitForSelector(`${listbox} [role=option]`);
  const names = await page.$$eval(`${listbox} [role=option] .result-name`, (els) => els.map((e) => e.textContent));
  const index = names.indexOf(pick);
  expect(index, `“${pick}” among the results for “${text}”: ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

describe.runIf(HAVE_CHROMIUM)('the explorer in headless Chromium', () => {
  let server: ServerProcess;
  let base = '';
  let browser: Browser;
  let page: Page;
  const elsewhere: string[] = [];
  const pageErrors: string[] = [];
  const timings: Record<string, number> = {};
  let clock = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - clock;
    clock = Date.now();
  };

  async function openPage(viewport: { width: number; height: number }, mobile = false): Promise<Page> {
    const context = await browser.newContext({ viewport, deviceScaleFactor: mobile ? 2 : 1, isMobile: mobile, hasTouch: mobile });
    const opened = await context.newPage();
    opened.setDefaultTimeout(15_000);
    // Anything not from this server is refused and recorded: the page must need no other origin.
    await context.route(
      (url) => !url.href.startsWith(base) && !url.href.startsWith('data:'),
      (route) => {
        elsewhere.push(route.request().url());
        return route.abort();
      },
    );
    opened.on('pageerror', (error) => pageErrors.push(error.message));
    opened.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    return opened;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = startServer({});
    base = await server.ready();
    browser = await launchChromium();
    page = await openPage({ width: 1366, height: 800 });
    lap('start server and Chromium');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGKILL');
    console.info(`explorer e2e timings (ms): ${JSON.stringify(timings)}`);
  });

  it('serves the page at /explore, from this server alone', async () => {
    const response = await page.goto(`${base}/explore`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await page.title()).toBe('Liner Explorer');
    await page.waitForFunction(() => 'linerExplorer' in window);
    lap('load /explore');
  });

  it('searches “Russo” as you type and opens Thom Russo: his network is drawn', async () => {
    await typeAndPick(page, '#search', 'Russo', 'Thom Russo');
    await page.waitForSelector('#detail h2:text-is("Thom Russo")');
    await page.waitForFunction(() => Number((document.querySelector('#graph') as HTMLElement).dataset.nodeCount) > 1);

    // As many nodes as the API lists collaborators, plus Thom Russo; one edge to each.
    const api = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ person(slug: "thom-russo") { collaborators { totalCount } } }' }),
    }).then((r) => r.json() as Promise<{ data: { person: { collaborators: { totalCount: number } } } }>);
    const collaborators = api.data.person.collaborators.totalCount;
    expect(collaborators).toBeGreaterThan(10);
    expect(await graphCounts(page)).toEqual({ nodes: collaborators + 1, edges: collaborators });
    const people = await page.$$eval('#people button', (els) => els.map((e) => e.getAttribute('data-person')));
    expect(people).toHaveLength(collaborators + 1);
    expect(people).toEqual(expect.arrayContaining(['thom-russo', 'macy-gray', 'rick-rubin', 'johnny-cash', 'bobby-brown']));

    // The canvas really shows them: node-coloured pixels where Thom Russo and Macy Gray are drawn.
    for (const slug of ['thom-russo', 'macy-gray']) {
      const pixel = await paintedAt(page, slug);
      expect(pixel, `${slug} drawn on the canvas`).not.toBeNull();
      expect((pixel?.b ?? 0) - (pixel?.r ?? 0), `${slug} drawn in a node blue: ${JSON.stringify(pixel)}`).toBeGreaterThan(60);
    }
    lap('search and draw the network');

    // The side panel: credits by role, awards, quoted sources with citations, conflicts.
    const panel = page.locator('#detail');
    await expect.poll(() => panel.locator('.role-group summary').allTextContents()).toContain('Mixer 23');
    expect(await panel.locator('.facts h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Awards \d+$/), expect.stringMatching(/^Conflicts in the sources \d+$/)]),
    );
    const source = panel.locator('.sources li').first();
    expect(await source.locator('q').textContent()).toBe('Thom Russo was born on December 31, 1969, in Cleveland, Ohio.');
    // The citation names the document by its title and opens it (next test).
    expect(await source.locator('cite').textContent()).toBe('Thom Russo [2]');
    await page.screenshot({ path: `${SHOTS}desktop-network.png` });
  });

  it('opens a citation as the article itself, the quote marked and in view, and comes back', async () => {
    const quote = 'Thom Russo was born on December 31, 1969, in Cleveland, Ohio.';
    const status = () => page.textContent('#status');
    const before = await status();
    expect(before).toMatch(/^Thom Russo: \d+ collaborators\. The graph shows \d+ people and \d+ links\.$/);
    // The birth line's source, shown without unfolding anything.
    await page.locator('#detail .fact-block .sources li', { hasText: quote }).first().locator('cite button').click();
    await page.waitForSelector('#detail [data-kind=document] h2:text-is("Thom Russo")');
    expect(await page.textContent('#detail mark#quote')).toBe(quote);
    const inView = await page.$eval('#detail mark#quote', (mark) => {
      const box = mark.getBoundingClientRect();
      const pane = (mark.closest('.document-text') as HTMLElement).getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    });
    expect(inView).toBe(true);
    expect(await status()).toBe('Reading Thom Russo, the quote marked.');
    await page.screenshot({ path: `${SHOTS}reading-a-source.png` });
    await page.click('#detail button.back');
    await page.waitForSelector('#detail [data-kind=person] h2:text-is("Thom Russo")');
    // Back at the network, the status line says what it shows again, not what was being read.
    expect(await status()).toBe(before);
  });

  it('lists each school and studio once, the stays the sources repeat gathered on one line', async () => {
    const items = page.locator('#detail .affiliations > li');
    const organizations = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-organization')));
    // Thom Russo's dataset states his study at Northwestern University twice, from two passages.
    expect(organizations.filter((o) => o === 'northwestern-university')).toHaveLength(1);
    expect(new Set(organizations).size).toBe(organizations.length);
    expect(await page.textContent('#detail .facts h3:has-text("Schools and studios") .count')).toBe(` ${organizations.length}`);
    const northwestern = items.filter({ has: page.locator('strong:text-is("Northwestern University")') });
    expect(await northwestern.locator('.fact').textContent()).toBe(
      'Studied at Northwestern University (until 1988) — degree in music; coursework encompassed composition and ' +
        'electronic music; took a recording class in his junior year; music theory and computer music',
    );
    // Both passages' quotes, each once.
    const quotes = await northwestern.locator('.sources q').allTextContents();
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(await page.textContent('#detail .affiliations li[data-organization="larrabee-sound-studios"] .fact')).toBe(
      'Worked at Larrabee Sound Studios as staff engineer (early 1990s)',
    );
    await page.locator('#detail .affiliations').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}desktop-affiliations.png` });
  });

  it('links the selection to its query in GraphiQL and to its GraphML export', async () => {
    const graphiql = await page.getAttribute('#detail a:text-is("Query in GraphiQL")', 'href');
    const query = new URL(graphiql as string, base).searchParams.get('query') ?? '';
    expect(query).toMatch(/^query Person \{/);
    expect(query).toContain('person(slug: "thom-russo")');
    // yoga answers that URL with GraphiQL, which reads `query` from its URL into the editor.
    const page2 = await fetch(new URL(graphiql as string, base), { headers: { accept: 'text/html' } });
    expect(page2.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.getAttribute('#detail a:text-is("Download network (GraphML)")', 'href')).toBe(
      '/export/collaboration.graphml?person=thom-russo&hops=1',
    );
  });

  it('expands a node clicked on the canvas: its collaborators merge into the network', async () => {
    const before = await graphCounts(page);
    const at = await page.evaluate(() =>
      (window as unknown as { linerExplorer: { pagePosition(s: string): { x: number; y: number } } }).linerExplorer.pagePosition(
        'rick-rubin',
      ),
    );
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector('#detail h2:text-is("Rick Rubin")');
    await page.waitForFunction(
      (edges) => Number((document.querySelector('#graph') as HTMLElement).dataset.edgeCount) > edges,
      before.edges,
    );
    const after = await graphCounts(page);
    // Rick Rubin's own links (to Audioslave, Jay-Z, Johnny Cash…) join Thom Russo's; nobody is drawn twice.
    expect(after.nodes).toBeGreaterThanOrEqual(before.nodes);
    expect(after.edges).toBeGreaterThan(before.edges);
    expect(await page.$$eval('#people button.expanded', (els) => els.map((e) => e.getAttribute('data-person')))).toEqual(
      expect.arrayContaining(['thom-russo', 'rick-rubin']),
    );
    await page.screenshot({ path: `${SHOTS}desktop-expanded.png` });
    lap('expand a node');
  });

  it('settles the expanded network with no two labels overlapping', async () => {
    // The page announces the counts once the layout has settled.
    await page.waitForFunction(() => /^Rick Rubin: /.test(document.querySelector('#status')?.textContent ?? ''));
    expect(await graphCounts(page)).toMatchObject({ nodes: expect.any(Number) });
    expect(await overlappingLabels(page)).toEqual([]);
  });

  it('finds the shortest chain from Bobby Brown to Johnny Cash and lists each work and role', async () => {
    await typeAndPick(page, '#path-from', 'Bobby', 'Bobby Brown');
    await typeAndPick(page, '#path-to', 'Johnny', 'Johnny Cash');
    await page.click('#path-form button[type=submit]');
    await page.waitForSelector('#path-result .chain');
    expect(await page.textContent('#path-result .chain')).toBe(CHAIN);
    expect(await page.$$eval('#path-result .step', (els) => els.map((e) => e.textContent))).toEqual([
      'Bobby Brown (primary artist) — Bobby (1992) — Thom Russo (mixer)',
      'Thom Russo (contributor) — The Man Comes Around — Johnny Cash (primary artist)',
    ]);
    // Drawn too: the three people on the path stand out in the path colour.
    for (const slug of ['bobby-brown', 'thom-russo', 'johnny-cash']) {
      const pixel = await paintedAt(page, slug);
      expect((pixel?.r ?? 0) - (pixel?.b ?? 0), `${slug} drawn in the path red: ${JSON.stringify(pixel)}`).toBeGreaterThan(80);
    }
    await page.screenshot({ path: `${SHOTS}desktop-path.png` });
    lap('find the path');
  });

  it('can be used from the keyboard, with a visible focus', async () => {
    await page.goto(`${base}/explore`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to details');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Liner Explorer');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.type('Johnny Cash', { delay: 20 });
    await page.waitForSelector('#search-results [role=option]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#detail h2:text-is("Johnny Cash")');
    // The network's tools turn on once Johnny Cash's network is drawn (the page may still hold the previous test's
    // graph, as a goto that only drops the #hash keeps the document); wait for his, or Tab races past them.
    await page.waitForFunction(
      () =>
        !(document.querySelector('#fit') as HTMLButtonElement).disabled &&
        (document.querySelector('#graph-export')?.getAttribute('href') ?? '').includes('person=johnny-cash'),
    );
    // Tab on reaches the graph's tools, then the people in the graph, each a button that opens it.
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(order.slice(0, 6)).toEqual([
      'GraphiQL',
      'Fit',
      'GraphiQL',
      'GraphML',
      'Works and awards',
      expect.stringMatching(/^Johnny Cash|^Rick Rubin|^Thom Russo/),
    ]);
    lap('keyboard');
  });

  it('lists all people and all works a page at a time, and opens what is picked', async () => {
    const totals = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ people(first: 1) { totalCount } works(first: 1) { totalCount } }' }),
    }).then((r) => r.json() as Promise<{ data: { people: { totalCount: number }; works: { totalCount: number } } }>);
    const { people, works } = { people: totals.data.people.totalCount, works: totals.data.works.totalCount };
    expect(works).toBeGreaterThan(40);
    const status = () => page.textContent('#browse-status');
    const shown = () =>
      page.$$eval('#browse-list button', (els) => els.map((e) => e.getAttribute('data-work') ?? e.getAttribute('data-person')));

    await page.click('#browse summary');
    await expect.poll(status).toBe(`People 1–${Math.min(20, people)} of ${people}`);
    expect(await page.isDisabled('#browse-prev')).toBe(true);

    await page.click('#browse [data-browse=works]');
    await expect.poll(status).toBe(`Works 1–20 of ${works}`);
    const first = await shown();
    expect(first).toHaveLength(20);
    await page.click('#browse-next');
    await expect.poll(status).toBe(`Works 21–40 of ${works}`);
    const second = await shown();
    expect(second).toHaveLength(20);
    expect(second.filter((slug) => first.includes(slug))).toEqual([]);
    await page.click('#browse-prev');
    await expect.poll(status).toBe(`Works 1–20 of ${works}`);
    expect(await shown()).toEqual(first);
    // Paging to the end visits every work once.
    const all = new Set(first);
    while (!(await page.isDisabled('#browse-next'))) {
      const before = await status();
      await page.click('#browse-next');
      await expect.poll(status).not.toBe(before);
      for (const slug of await shown()) all.add(slug);
    }
    expect(all.size).toBe(works);
    await page.screenshot({ path: `${SHOTS}desktop-browse-works.png` });

    // A work opens in the panel; a person opens with their network.
    const work = page.locator('#browse-list button').first();
    const workSlug = await work.getAttribute('data-work');
    await work.click();
    await page.waitForSelector(`#detail [data-kind=work][data-slug="${workSlug}"]`);
    await page.click('#browse [data-browse=people]');
    await expect.poll(status).toBe(`People 1–${Math.min(20, people)} of ${people}`);
    const person = page.locator('#browse-list button[data-person="macy-gray"]');
    if ((await person.count()) === 0) await page.locator('#browse-list button').first().click();
    else await person.click();
    await page.waitForSelector('#detail [data-kind=person]');
    await page.waitForFunction(() => Number((document.querySelector('#graph') as HTMLElement).dataset.nodeCount) > 1);
    lap('browse');
  });

  it('fits a phone (390×844): one column, no sideways scrolling, the network and the chain drawn', async () => {
    const phone = await openPage({ width: 390, height: 844 }, true);
    await phone.goto(`${base}/explore`);
    await typeAndPick(phone, '#search', 'Russo', 'Thom Russo');
    await phone.waitForSelector('#detail h2:text-is("Thom Russo")');
    await phone.waitForFunction(() => Number((document.querySelector('#graph') as HTMLElement).dataset.nodeCount) > 1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const graphBox = await phone.locator('#graph').boundingBox();
    expect(graphBox?.width).toBeGreaterThan(300);
    expect(graphBox?.height).toBeGreaterThan(250);
    expect(await paintedAt(phone, 'thom-russo')).not.toBeNull();
    await phone.waitForFunction(() => /^Thom Russo: /.test(document.querySelector('#status')?.textContent ?? ''));
    expect(await overlappingLabels(phone)).toEqual([]);
    await phone.screenshot({ path: `${SHOTS}phone-network.png` });

    await typeAndPick(phone, '#path-from', 'Bobby', 'Bobby Brown');
    await typeAndPick(phone, '#path-to', 'Johnny', 'Johnny Cash');
    await phone.click('#path-form button[type=submit]');
    expect(await phone.locator('#path-result .chain').textContent()).toBe(CHAIN);
    await phone.locator('.path-finder').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SHOTS}phone-path.png` });
    await phone.locator('#graph').screenshot({ path: `${SHOTS}phone-path-graph.png` });
    await phone.locator('#detail').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SHOTS}phone-details.png` });
    await phone.click('#browse summary');
    await phone.waitForFunction(() => /^People 1–/.test(document.querySelector('#browse-status')?.textContent ?? ''));
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.locator('#browse').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SHOTS}phone-browse.png` });
    await phone.context().close();
    lap('phone');
  });

  /** Turns works and awards on (or off) and waits for the page to say what the network now holds. */
  async function toggleWorks(on: Page, shown: boolean) {
    await on.click('#show-works');
    await on.waitForFunction(
      (want) =>
        document.querySelector('#show-works')?.getAttribute('aria-pressed') === String(want) &&
        /^The graph shows /.test(document.querySelector('#status')?.textContent ?? ''),
      shown,
    );
  }
  const workCounts = (on: Page) =>
    on.$eval('#graph', (el) => ({
      works: Number((el as HTMLElement).dataset.workCount),
      awards: Number((el as HTMLElement).dataset.awardCount),
      creditEdges: Number((el as HTMLElement).dataset.creditEdgeCount),
    }));
  const workEdges = (on: Page) =>
    on.evaluate(() =>
      (
        window as unknown as { linerExplorer: { workEdges(): { from: string; to: string; label: string | null }[] } }
      ).linerExplorer.workEdges(),
    );

  it('draws works and awards as nodes: people linked to works by role, awards to their works and winners', async () => {
    const desktop = await openPage({ width: 1366, height: 800 });
    await desktop.goto(`${base}/explore#person=thom-russo`);
    await desktop.waitForFunction(() => /^Thom Russo: /.test(document.querySelector('#status')?.textContent ?? ''));
    const people = await graphCounts(desktop);
    await toggleWorks(desktop, true);
    const shown = await workCounts(desktop);
    expect(shown.works).toBeGreaterThan(10);
    expect(shown.awards).toBeGreaterThan(0);
    expect(await desktop.textContent('#status')).toBe(
      `The graph shows ${people.nodes} people and ${people.edges} links, through ${shown.works} works and ${shown.awards} awards.`,
    );
    // The people stay; each link between two people is now the works they share, each end labelled with its roles.
    expect(await graphCounts(desktop)).toEqual(people);
    const edges = await workEdges(desktop);
    expect(edges).toEqual(
      expect.arrayContaining([
        { from: 'bobby-brown', to: 'work:bobby', label: 'primary artist' },
        { from: 'thom-russo', to: 'work:bobby', label: 'mixer' },
      ]),
    );
    // Every work is linked to someone drawn; every award to its work, and to winners that are drawn.
    const works = new Set(edges.filter((e) => e.to.startsWith('work:')).map((e) => e.to));
    expect(works.size).toBe(shown.works);
    const awardEdges = edges.filter((e) => e.from.startsWith('award:'));
    expect(new Set(awardEdges.filter((e) => e.to.startsWith('work:')).map((e) => e.from)).size).toBe(shown.awards);
    expect(awardEdges.filter((e) => e.to === 'thom-russo').length).toBeGreaterThan(0);
    expect(await overlappingLabels(desktop)).toEqual([]);
    await desktop.screenshot({ path: `${SHOTS}desktop-works.png` });

    // Expanding a person with works shown brings their works too, and still no two labels overlap.
    const at = await desktop.evaluate(() =>
      (window as unknown as { linerExplorer: { pagePosition(s: string): { x: number; y: number } } }).linerExplorer.pagePosition(
        'rick-rubin',
      ),
    );
    await desktop.mouse.click(at.x, at.y);
    await desktop.waitForFunction(() =>
      /^Rick Rubin: \d+ collaborators?\. The graph shows .* through /.test(document.querySelector('#status')?.textContent ?? ''),
    );
    // Rick Rubin's links join Thom Russo's (each of them through works already drawn: in this dataset every shared
    // work has Thom Russo on it), and every work drawn keeps its edges.
    expect((await graphCounts(desktop)).edges).toBeGreaterThan(people.edges);
    const expanded = await workCounts(desktop);
    expect(expanded.works).toBeGreaterThanOrEqual(shown.works);
    expect(expanded.creditEdges).toBeGreaterThanOrEqual(shown.creditEdges);
    expect(await overlappingLabels(desktop)).toEqual([]);
    await desktop.screenshot({ path: `${SHOTS}desktop-works-expanded.png` });

    // Off again: people only, every link between them back.
    await toggleWorks(desktop, false);
    expect(await workCounts(desktop)).toEqual({ works: 0, awards: 0, creditEdges: 0 });
    expect(await desktop.textContent('#status')).toMatch(/^The graph shows \d+ people and \d+ links\.$/);
    expect(await overlappingLabels(desktop)).toEqual([]);
    await desktop.context().close();
    lap('works as nodes');
  });

  it('draws works and awards as nodes on a phone (390×844) with no two labels overlapping', async () => {
    const phone = await openPage({ width: 390, height: 844 }, true);
    await phone.goto(`${base}/explore#person=thom-russo`);
    await phone.waitForFunction(() => /^Thom Russo: /.test(document.querySelector('#status')?.textContent ?? ''));
    await toggleWorks(phone, true);
    expect((await workCounts(phone)).works).toBeGreaterThan(10);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await overlappingLabels(phone)).toEqual([]);
    await phone.locator('.graph-area').screenshot({ path: `${SHOTS}phone-works.png` });
    await phone.context().close();
    lap('works as nodes, phone');
  });

  it('asked nothing of any other origin and raised no error', () => {
    expect(elsewhere).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
