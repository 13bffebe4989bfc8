// Logging in: a rejected log-in says why and keeps the visitor out; a page that needs an account
// sends the visitor to the log-in page and back to where they were going.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  DEMO_PASSWORD, ORGANISER, assertSignedIn, flow, heading, logOut, open, submit, unique,
} from '../lib/browser.mjs';

const WRONG = /the e-mail address or the password is wrong/i;

describe('log in', () => {
  flow(import.meta.filename, (f) => {
    let page;

    f.step('a wrong password is rejected with an error on the log-in page', async () => {
      page = (await f.visitor()).page;
      await open(page, '/login');
      assert.equal(await heading(page), 'Log in');
      await page.getByLabel('E-mail address').fill(ORGANISER);
      await page.getByLabel('Password').fill('not the demo password');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Log in', exact: true }).click(),
      ]);
      assert.ok(response.status() >= 400 && response.status() < 500, `status ${response.status()}`);
      assert.equal(await heading(page), 'Log in');
      assert.match(await page.getByRole('alert').innerText(), WRONG);
      assert.equal(await page.getByLabel('E-mail address').inputValue(), ORGANISER, 'the address is kept');
      assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is not');
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.equal(await nav.getByRole('link', { name: 'Log in' }).count(), 1, 'still logged out');
    });

    f.step('an unknown address gets the same answer', async () => {
      await page.getByLabel('E-mail address').fill(`nobody.${unique()}@example.com`);
      await page.getByLabel('Password').fill('whatever it is');
      await submit(page, 'Log in');
      assert.equal(await heading(page), 'Log in');
      assert.match(await page.getByRole('alert').innerText(), WRONG);
    });

    f.step('the review queue sends a visitor to log in, and back after it', async () => {
      await open(page, '/review');
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/review');
      assert.equal(await heading(page), 'Log in');
      await page.getByLabel('E-mail address').fill(ORGANISER);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await submit(page, 'Log in');
      assert.equal(new URL(page.url()).pathname, '/review');
      assert.equal(await heading(page), 'Review queue');
      await assertSignedIn(page);
      assert.match(await page.getByRole('main').innerText(), /\d+ organisations/);
    });

    f.step('the review queue pages through everything waiting', async () => {
      const main = page.getByRole('main');
      const total = Number((await main.innerText()).match(/(\d+) organisations/)[1]);
      assert.ok(total > 20, `the demo data keeps more than a page waiting: ${total}`);
      const first = await page.locator('table.directory tbody tr').allInnerTexts();
      assert.equal(first.length, 20);
      const seen = new Set(first);
      let pages = 1;
      while ((await page.getByRole('link', { name: 'Next →' }).count()) === 1) {
        await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Next →' }).click()]);
        assert.equal(await heading(page), 'Review queue');
        for (const row of await page.locator('table.directory tbody tr').allInnerTexts()) seen.add(row);
        pages += 1;
        assert.ok(pages <= 20, 'too many pages');
      }
      assert.equal(pages, Math.ceil(total / 20), 'one page per 20');
      assert.equal(seen.size, total, 'every waiting organisation once');
      for (const row of seen) assert.match(row, /submitted|under review|needs info/);
    });

    f.step('the review queue filters by state and country', async () => {
      await open(page, '/review');
      const filter = page.locator('form.search');
      await filter.getByLabel('State').selectOption('verified');
      await filter.getByLabel('Country').fill('US');
      await submit(page, 'Filter', filter);
      assert.equal(await heading(page), 'Review queue');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('state'), 'verified');
      assert.equal(url.searchParams.get('country'), 'US');
      const rows = await page.locator('table.directory tbody tr').allInnerTexts();
      assert.ok(rows.length > 0, 'the demo has verified US organisations');
      for (const row of rows) assert.match(row, /United States.*verified/s);
    });

    f.step('the account page shows the organiser, who logs out from it', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Demo Organiser (Islamabad)' }).click();
      await page.waitForURL('**/account');
      assert.equal(await heading(page), 'Demo Organiser (Islamabad)');
      assert.match(await page.getByRole('main').innerText(), new RegExp(`Signed in as ${ORGANISER.replace(/\./g, '\\.')} \\(organiser\\)`));
      await logOut(page);
      await open(page, '/review');
      assert.equal(new URL(page.url()).pathname, '/login', 'logged out: the queue asks to log in again');
    });
  });
});
