// GraphiQL in a real headless Chromium: served whole by this server (no CDN), with a query pre-filled from the URL, and
// the query editor wide enough for every example line.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../src/graphiql-examples.ts';
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
    // The page runs under a CSP naming its inline scripts by hash (issue 24, finding 6): nothing of it may be blocked.
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
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
    expect(blocked).toEqual([]);
  }, 90_000);

  it('fills the window, gives the query editor most of it, and cuts no example line (1366×800)', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/graphql`);
    await page.waitForSelector('.graphiql-query-editor .view-line', { timeout: 30_000 });
    const widths = await page.evaluate(() => {
      const width = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().width ?? 0;
      return {
        viewport: window.innerWidth,
        container: width('.graphiql-container'),
        editor: width('.graphiql-editors'),
        response: width('.graphiql-response'),
      };
    });
    expect(widths.container).toBe(widths.viewport);
    expect(widths.editor / widths.viewport).toBeGreaterThan(0.6);
    expect(widths.editor).toBeGreaterThan(1.8 * widths.response);

    // Monaco draws only the lines in view: scroll through the examples, reading each drawn line's box against the
    // editor's visible area. A line drawn past its right edge is cut.
    const expected = new Set(EXAMPLE_OPERATIONS.split('\n').filter((line) => line.trim() !== ''));
    const seen = new Set<string>();
    const cut = new Set<string>();
    const box = await page.locator('.graphiql-query-editor .monaco-editor').boundingBox();
    if (!box) throw new Error('no query editor on the page');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const unseen = () => [...expected].filter((line) => !seen.has(line));
    for (let step = 0; step < 40 && unseen().length > 0; step++) {
      const lines = await page.evaluate(() => {
        const editor = document.querySelector('.graphiql-query-editor .monaco-editor .overflow-guard') as HTMLElement;
        const right = editor.getBoundingClientRect().right;
        return [...editor.querySelectorAll<HTMLElement>('.view-line')].map((line) => ({
          text: (line.textContent ?? '').replaceAll('\u00a0', ' '),
          right: (line.firstElementChild as HTMLElement | null)?.getBoundingClientRect().right ?? 0,
          edge: right,
        }));
      });
      for (const line of lines) {
        seen.add(line.text);
        if (line.right > line.edge) cut.add(line.text);
      }
      // Monaco moves its lines by the `top` of .lines-content; wait for it to change, unless the end was reached.
      const offset = () => page.$eval('.graphiql-query-editor .lines-content', (el) => (el as HTMLElement).style.top);
      const before = await offset();
      await page.mouse.wheel(0, 300);
      await page
        .waitForFunction(
          (top) => (document.querySelector('.graphiql-query-editor .lines-content') as HTMLElement | null)?.style.top !== top,
          before,
          { timeout: 2_000 },
        )
        .catch(() => undefined);
      // And for the lines to be drawn there.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    expect(unseen()).toEqual([]);
    expect([...cut]).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}graphiql-full-width.png` });
    await context.close();
  }, 90_000);
});
