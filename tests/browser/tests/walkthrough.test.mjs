// README's walkthrough, as a new user would click through it: sign up, register an organisation,
// add evidence, submit it; the demo organiser takes it under review and verifies it; the user
// sees the verified badge on the organisation's page and in the directory.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  DEMO_PASSWORD, ORGANISER, assertSignedIn, flow, heading, logIn, logOut, open, signUp, submit,
  unique,
} from '../lib/browser.mjs';

const id = unique();
const user = {
  email: `founder.${id}@example.com`,
  name: `Ayesha Founder ${id}`,
  password: 'a long enough walkthrough password',
};
const org = {
  legalName: `Chenab Kingfisher Rice ${id} (Private) Limited`,
  tradingName: 'Chenab Kingfisher',
  registration: `0${Date.now() % 10_000_000}`,
};

const main = (page) => page.getByRole('main');
const badge = (scope) => scope.locator('.badge').first();

/** The organisation page of `org`, found through the directory's search as a user would. */
async function findInDirectory(page, { verifiedOnly = false, hs = '' } = {}) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
  await page.waitForURL('**/directory');
  assert.equal(await heading(page), 'Directory');
  const search = page.getByRole('search');
  await search.getByLabel('Name').fill(org.legalName);
  if (hs) await search.getByLabel('HS').fill(hs);
  if (verifiedOnly) await search.getByLabel('Verified only').check();
  await submit(page, 'Search', search);
  const row = page.locator('table.directory tbody tr', { hasText: org.legalName });
  assert.equal(await row.count(), 1, `the directory lists ${org.legalName} once`);
  return row;
}

describe('README walkthrough: sign up, register, verify, badge', () => {
  flow(import.meta.filename, (f) => {
    let registrant; // the new user's window
    let organiser; // the demo organiser's window
    let profileUrl;

    f.step('a new user signs up', async () => {
      registrant = (await f.visitor()).page;
      await signUp(registrant, user);
      await assert.doesNotReject(
        registrant.getByText(`Signed in as ${user.email}`).waitFor(),
        'the account page names the address',
      );
      assert.match(await main(registrant).innerText(), /\(member\)/);
    });

    f.step('registers an organisation from the directory', async () => {
      const page = registrant;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
      await page.waitForURL('**/directory');
      await main(page).getByRole('link', { name: 'Register an organisation' }).click();
      await page.waitForURL('**/directory/new');
      assert.equal(await heading(page), 'Register an organisation');
      await page.getByLabel('Kind').selectOption('company');
      await page.getByLabel('Legal name').fill(org.legalName);
      await page.getByLabel('Trading name').fill(org.tradingName);
      await page.getByLabel('Country').fill('PK');
      await page.getByLabel('Region').fill('PK-PB');
      await page.getByLabel('City').fill('Gujranwala');
      await page.getByLabel('Year founded').fill('2014');
      await page.getByLabel('Size').selectOption('10-49');
      await page.getByLabel('Website').fill('https://chenab-kingfisher.example.com');
      await page.getByLabel('Description').fill('Basmati rice miller exporting to US importers.');
      await page.getByLabel('Industries').fill('311212; 541512');
      await page.getByLabel('Exports').fill('1006; 100630');
      await page.getByLabel('Languages').fill('ur; en');
      await submit(page, 'Save');
      assert.match(new URL(page.url()).pathname, /^\/organisations\/[^/]+$/, 'saved: the organisation page');
      profileUrl = new URL(page.url()).pathname;
      const h1 = await heading(page);
      assert.ok(h1.startsWith(org.legalName), `heading names the organisation: ${h1}`);
      assert.equal((await badge(page.locator('h1')).innerText()).trim(), 'Unverified (draft)');
      const text = await main(page).innerText();
      assert.match(text, /Trading as Chenab Kingfisher/);
      assert.match(text, /311212/);
      assert.match(text, /1006/);
    });

    f.step('adds a registration number as evidence', async () => {
      const page = registrant;
      assert.equal(await page.getByRole('heading', { name: 'Evidence' }).count(), 1);
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Add evidence' }) });
      await form.locator('select[name=kind]').selectOption('registration_number');
      await form.locator('input[name=value]').fill(org.registration);
      await submit(page, 'Add evidence', form);
      assert.equal(new URL(page.url()).pathname, profileUrl, 'back on the organisation page');
      const evidence = await page.locator('ul.evidence').innerText();
      assert.ok(evidence.includes(org.registration), `the evidence is listed: ${evidence}`);
    });

    f.step('submits it for verification', async () => {
      const page = registrant;
      assert.equal(await page.getByRole('heading', { name: 'Verification' }).count(), 1);
      await submit(page, 'Submit for verification');
      assert.equal(new URL(page.url()).pathname, profileUrl);
      assert.equal((await badge(page.locator('h1')).innerText()).trim(), 'Unverified (submitted)');
      assert.equal(await page.getByRole('button', { name: 'Submit for verification' }).count(), 0);
    });

    f.step('logs out', async () => {
      await logOut(registrant);
    });

    f.step('the demo organiser logs in and finds it in the review queue', async () => {
      organiser = (await f.visitor()).page;
      const page = organiser;
      await logIn(page, ORGANISER, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).click();
      await page.waitForURL('**/review');
      assert.equal(await heading(page), 'Review queue');
      // Everything waiting for review, by name, 20 to a page: page through as a reviewer would.
      for (let pages = 1; ; pages += 1) {
        const link = page.getByRole('link', { name: org.legalName, exact: true });
        if ((await link.count()) === 1) {
          const row = page.locator('tbody tr', { has: link });
          assert.match(await row.innerText(), /submitted/);
          await Promise.all([page.waitForNavigation(), link.click()]);
          break;
        }
        const next = page.getByRole('link', { name: 'Next →' });
        assert.equal(await next.count(), 1, `${org.legalName} not in the queue's ${pages} page(s)`);
        assert.ok(pages < 20, 'too many pages');
        await Promise.all([page.waitForNavigation(), next.click()]);
      }
      assert.equal(new URL(page.url()).pathname, profileUrl);
      assert.equal((await badge(page.locator('h1')).innerText()).trim(), 'Unverified (submitted)');
    });

    f.step('takes it under review', async () => {
      const page = organiser;
      await submit(page, 'Start review');
      assert.equal(new URL(page.url()).pathname, profileUrl);
      assert.equal((await badge(page.locator('h1')).innerText()).trim(), 'Unverified (under review)');
      for (const name of ['Ask for more information', 'Approve (valid one year)', 'Reject']) {
        assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, `a "${name}" button`);
      }
    });

    f.step('verifies it', async () => {
      const page = organiser;
      await submit(page, 'Approve (valid one year)');
      assert.equal(new URL(page.url()).pathname, profileUrl);
      assert.equal((await badge(page.locator('h1')).innerText()).trim(), '✓ Verified');
      const until = page.locator('dl.profile dt', { hasText: 'Verified until' });
      assert.equal(await until.count(), 1, 'the profile says until when');
      const nextYear = String(new Date().getUTCFullYear() + 1);
      assert.match(await page.locator('dl.profile').innerText(), new RegExp(`Verified until\\s+${nextYear}-`));
      await logOut(page);
    });

    f.step('the new user logs back in and sees the badge on the organisation page', async () => {
      const page = registrant;
      await logIn(page, user.email, user.password);
      const row = await findInDirectory(page);
      await Promise.all([page.waitForNavigation(), row.getByRole('link', { name: org.legalName }).click()]);
      assert.equal(new URL(page.url()).pathname, profileUrl);
      assert.equal((await badge(page.locator('h1')).innerText()).trim(), '✓ Verified');
      await assertSignedIn(page);
    });

    f.step('the owner\'s audit log lists every step', async () => {
      const page = registrant;
      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL(`**${profileUrl}/audit`);
      assert.equal(await heading(page), `Audit log of ${org.legalName}`);
      const rows = await page.locator('table.audit tbody tr').allInnerTexts();
      const transitions = rows
        .map((r) => r.split('\t').map((c) => c.trim()))
        .filter((cells) => cells[4])
        .map((cells) => `${cells[3]}→${cells[4]}`);
      for (const t of ['draft→submitted', 'submitted→under review', 'under review→verified']) {
        assert.ok(transitions.includes(t), `audit shows ${t}; it shows ${JSON.stringify(rows)}`);
      }
      const actions = rows.map((r) => r.split('\t')[2]?.trim());
      for (const a of ['organisation created', 'evidence added', 'approve']) {
        assert.ok(actions.includes(a), `audit shows ${a}; it shows ${JSON.stringify(rows)}`);
      }
      // Who acted is a name, not an account id.
      const approval = rows.map((r) => r.split('\t')).find((cells) => cells[2]?.trim() === 'approve');
      assert.equal(approval[1].trim(), 'Demo Organiser (Islamabad)');
    });

    f.step('and in the directory list and its search', async () => {
      const page = registrant;
      let row = await findInDirectory(page);
      assert.equal((await badge(row).innerText()).trim(), '✓ Verified');
      assert.match(await row.innerText(), /Pakistan/);
      row = await findInDirectory(page, { verifiedOnly: true, hs: '1006' });
      assert.equal((await badge(row).innerText()).trim(), '✓ Verified');
      assert.match(page.url(), /verified=true/);
    });

    f.step('an anonymous visitor sees the badge too', async () => {
      const { page } = await f.visitor();
      await open(page, profileUrl);
      assert.ok((await heading(page)).startsWith(org.legalName));
      assert.equal((await badge(page.locator('h1')).innerText()).trim(), '✓ Verified');
      assert.equal(await page.getByRole('heading', { name: 'Verification' }).count(), 0, 'no steps for a visitor');
      assert.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0, 'no audit log for a visitor');
    });
  });
});
