// The explorer on catalogue data: an imported person shows their kind, life span and identifiers, each a link to
// its catalogue's page, in real headless Chromium against the real server serving a MusicBrainz-shaped dataset.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../server-process.ts';
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts';

const CATALOGUE = fileURLToPath(new URL('../fixtures/catalogue-sample.json', import.meta.url));
const SHOT = fileURLToPath(new URL('../../test-results/explorer/catalogue-person.png', import.meta.url));

describe.runIf(HAVE_CHROMIUM)('the explorer on an imported catalogue', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = startServer({ SEED_DATASET: CATALOGUE });
    const base = await server.ready();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 800 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/explore`);
    await page.waitForFunction(() => 'linerExplorer' in window);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGKILL');
  });

  it("shows Mary Hopkin's kind, life span, area and identifiers, linking to MusicBrainz and ISNI", async () => {
    await page.click('#search');
    await page.keyboard.type('Hopkin', { delay: 20 });
    await page.waitForSelector('[role=option]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#detail h2:text-is("Mary Hopkin")');
    expect(await page.textContent('#detail .eyebrow')).toBe('Person · 1950-05-03 · United Kingdom');
    const links = await page.$$eval('#detail .identifiers a', (as) =>
      as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
    );
    expect(links).toEqual([
      { text: 'ISNI 0000000078391516', href: 'https://isni.org/isni/0000000078391516' },
      {
        text: 'MusicBrainz f6596571-9ce2-4d79-8e92-fa8cfc181b91',
        href: 'https://musicbrainz.org/artist/f6596571-9ce2-4d79-8e92-fa8cfc181b91',
      },
    ]);
    const linked = await page.$$eval('#detail .fact-list li', (lis) => lis.map((li) => li.textContent));
    expect(linked).toEqual(
      expect.arrayContaining(['Married to Tony Visconti', 'Parent of Jessica Lee Morgan', 'Parent of Morgan Visconti']),
    );
    await page.screenshot({ path: SHOT, fullPage: true });
  });
});
