// The people directory: a visitor finds market experts by kind and expertise, sees each one's
// organisation badge but no contact details; the demo organiser sees the contact details.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { ORGANISER, DEMO_PASSWORD, flow, heading, logIn, open, submit } from '../lib/browser.mjs';

describe('people directory', () => {
  flow(import.meta.filename, (f) => {
    let page;

    f.step('a visitor opens People from the header and filters by kind', async () => {
      page = (await f.visitor()).page;
      await open(page, '/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
      await page.waitForURL('**/people');
      assert.equal(await heading(page), 'People');
      await page.getByLabel('Kind').selectOption('market_expert');
      await submit(page, 'Search');
      const rows = await page.locator('table.people tbody tr').allInnerTexts();
      assert.ok(rows.length > 0, 'the demo has market experts');
      for (const row of rows) {
        assert.match(row, /Market expert/);
        assert.match(row, /private/, `contact details are private: ${row}`);
      }
      assert.equal(await page.locator('table.people a[href^="mailto:"]').count(), 0);
    });

    f.step('an unknown code is named next to the form', async () => {
      await open(page, '/people?naics=99999', 422);
      assert.match(await page.getByRole('alert').innerText(), /naics/);
    });

    f.step('the organiser sees contact details', async () => {
      const organiser = (await f.visitor()).page;
      await logIn(organiser, ORGANISER, DEMO_PASSWORD);
      await open(organiser, '/people?kind=market_expert');
      const mail = organiser.locator('table.people a[href^="mailto:"]');
      assert.ok((await mail.count()) > 0, 'organisers see e-mail addresses');
      assert.match(await mail.first().innerText(), /@/);
    });
  });
});
