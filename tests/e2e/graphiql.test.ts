// GraphiQL in a real headless Chromium: served whole by this server (no CDN), with a query pre-filled from the URL.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../server-process.ts';
import { HAVE_CHROMIUM, launchChromium } from './chromium.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/graphiql/', import.meta.url));

// explorer.test.ts already fails in CI without Chromium; this file only needs to say why it did not run.
describe.runIf(HAVE_CHROMIUM)('GraphiQL in headless Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let base = '';
  beforeAll(async () => {
    server = startServer({});
    base = await server.ready();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGKILL');
  });

  it('opens with the query from the URL, runs it, and fetches nothing from elsewhere', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:') && !request.url().startsWith('blob:'))
        elsewhere.push(request.url());
    });
    const query = '{ person(slug: "thom-russo") { name birthDate } }';
    await page.goto(`${base}/graphql?query=${encodeURIComponent(query)}`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.waitForFunction(() => document.body.innerText.includes('thom-russo'), undefined, { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.body.innerText.includes('1969-12-31'), undefined, { timeout: 30_000 });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}graphiql.png` });
    expect(elsewhere).toEqual([]);
  }, 90_000);
});
