// Accessibility of every view, checked by axe-core (npm axe-core, never part of the page): each tab in light
// and dark colour schemes at desktop and phone width, from file:// (the single file, under its strict CSP)
// and over http. axe is evaluated in the page through the DevTools protocol, which the page's
// Content-Security-Policy does not govern (an injected <script> is refused by that policy, as it should be),
// so the page is checked with its policy in force. No serious or critical violation is allowed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../helpers/browser.mjs';
import { openPage, viewAddresses } from '../helpers/explorer_page.mjs';
import { singleFilePage, siteDir } from '../helpers/paths.mjs';
import { serveStatic } from '../helpers/static_server.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const kArticle = '2023-02-03-independence-basis-of-international-relations.txt';
const views = viewAddresses;
const modes = [
  { colorScheme: 'light', width: 1280, height: 800 },
  { colorScheme: 'dark', width: 1280, height: 800 },
  { colorScheme: 'light', width: 390, height: 844 },
  { colorScheme: 'dark', width: 390, height: 844 },
];

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await serveStatic(siteDir);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Shows `hash` and waits for its view's answer.
async function showView(page, view, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForFunction((v) => {
    const panel = document.getElementById(v);
    return !panel.hidden && !/…$/.test(panel.querySelector('.status')?.textContent || '') && panel.querySelector('tbody tr, svg, li') !== null;
  }, view);
}

// axe's serious and critical violations on the page as shown, one line each.
async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.impact} ${v.id} (${v.help}): ${node.target.join(' ')}`));
}

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation in any view, light or dark, at desktop or phone width, from file://', async () => {
    const { page, problems } = await openPage(browser, pathToFileURL(singleFilePage).href);
    const found = [];
    for (const mode of modes) {
      await page.setViewportSize({ width: mode.width, height: mode.height });
      await page.emulateMedia({ colorScheme: mode.colorScheme });
      for (const [view, hash] of Object.entries(views)) {
        await showView(page, view, hash);
        for (const line of await seriousViolations(page)) found.push(`${view}, ${mode.colorScheme}, ${mode.width}px: ${line}`);
      }
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, [], 'the console stays empty');
    await page.close();
  });

  it('finds none in the hosted page, nor with a reader paragraph highlighted, in the dark', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.emulateMedia({ colorScheme: 'dark' });
    await showView(page, 'concordance', views.concordance);
    assert.deepEqual(await seriousViolations(page), []);
    await showView(page, 'reader', `#view=reader&q=independence&doc=${kArticle}&at=200`);
    await page.waitForSelector('#reader-text li.current mark');  // a paragraph opened by an offset in it, not a hit
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows where the keyboard focus is: tabs, rows, buttons and fields get a visible outline', async () => {
    const { page } = await openPage(browser, pathToFileURL(singleFilePage).href);
    await showView(page, 'concordance', views.concordance);
    const outline = () => page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return [document.activeElement.id || document.activeElement.className, style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2];
    });
    await page.focus('#query');
    await page.keyboard.press('Tab');  // the Search button
    assert.deepEqual(await outline(), ['', true]);
    await page.focus('#tab-concordance');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await outline(), ['tab-reader', true]);
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#kwic-rows tr');
    await page.focus('#kwic-rows tr');
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await outline(), ['kwic-row alt', true]);
    await page.close();
  });
});
