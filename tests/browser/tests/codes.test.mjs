// The code-list pages: the index, a searchable list, one code with its children.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { flow, heading, open, submit } from '../lib/browser.mjs';

describe('code lists', () => {
  flow(import.meta.filename, (f) => {
    let page;

    f.step('the home page links to the code lists and marks the demo', async () => {
      page = (await f.visitor()).page;
      await open(page, '/');
      assert.match(await page.getByRole('note').innerText(), /Demo site/);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Code lists' }).click();
      await page.waitForURL('**/codes');
      assert.equal(await heading(page), 'Code lists');
      const items = await page.locator('main ul.cards li').allInnerTexts();
      assert.ok(items.length >= 4, `several lists: ${JSON.stringify(items)}`);
      for (const item of items) assert.match(item, /\d+ codes/);
      assert.ok(items.some((i) => /HS/.test(i)), 'HS is listed');
      assert.ok(items.some((i) => /NAICS/.test(i)), 'NAICS is listed');
    });

    f.step('HS 2022 is searchable by words', async () => {
      await page.getByRole('main').getByRole('link', { name: /HS/ }).first().click();
      await page.waitForURL('**/codes/hs');
      assert.match(await heading(page), /HS/);
      await page.getByLabel('Words or code').fill('rice');
      await submit(page, 'Search');
      assert.match(await page.getByRole('main').innerText(), /\d+ matching codes/);
      const link = page.getByRole('link', { name: '1006', exact: true });
      assert.equal(await link.count(), 1, 'heading 1006 (rice) is found');
      await Promise.all([page.waitForNavigation(), link.click()]);
      assert.equal(new URL(page.url()).pathname, '/codes/hs/1006');
      assert.match(await heading(page), /^1006\s+Rice/i);
      assert.equal(await page.getByRole('link', { name: '100630', exact: true }).count(), 1, 'a subheading below it');
    });

    f.step('NAICS 2022 by prefix, and one code', async () => {
      await open(page, '/codes/naics?prefix=5415');
      assert.match(await heading(page), /NAICS/);
      const link = page.getByRole('link', { name: '541512', exact: true });
      assert.equal(await link.count(), 1);
      await Promise.all([page.waitForNavigation(), link.click()]);
      assert.match(await heading(page), /^541512\s+Computer Systems Design/i);
    });

    f.step('an unknown code is a page that says so', async () => {
      await open(page, '/codes/hs/999999', 404);
      assert.match(await page.getByRole('main').innerText(), /999999|not found|no /i);
    });
  });
});
