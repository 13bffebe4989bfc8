// Contact details are private: the owner sees the e-mail address and phone number of the people
// they list; an anonymous visitor (and another member) sees the public profile without them.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { flow, heading, open, signUp, submit, unique } from '../lib/browser.mjs';

const id = unique();
const owner = { email: `owner.${id}@example.com`, name: `Bilal Owner ${id}`, password: 'privacy test password 1' };
const other = { email: `other.${id}@example.com`, name: `Omar Other ${id}`, password: 'privacy test password 2' };
const orgName = `Sialkot Sparrow Sports ${id} (Private) Limited`;
// The phone number as typed, and as Corridor stores and shows it (E.164).
const person = {
  name: `Nadia Contact ${id}`,
  email: `nadia.${id}@example.com`,
  phone: '+92 52 555 0123',
  shown: '+92525550123',
};

describe('public profiles hide contact details', () => {
  flow(import.meta.filename, (f) => {
    let ownerPage;
    let orgUrl;
    let personUrl;

    /** Checks that nothing on `page` shows the person's e-mail address or phone number. */
    async function noContacts(page) {
      const text = await page.locator('body').innerText();
      assert.ok(!text.includes(person.email), 'the e-mail address is not shown');
      assert.ok(!text.includes(person.shown) && !text.includes(person.phone), 'the phone number is not shown');
      assert.equal(await page.locator('a[href^="mailto:"]').count(), 0, 'no mailto link');
      assert.ok(!(await page.content()).includes(person.email), 'nor is it in the HTML');
    }

    f.step('an owner registers an organisation and submits it', async () => {
      ownerPage = (await f.visitor()).page;
      const page = ownerPage;
      await signUp(page, owner);
      // The account page, where sign-up leads, links to the form too.
      await page.getByRole('main').getByRole('link', { name: 'Register an organisation' }).click();
      await page.waitForURL('**/directory/new');
      assert.equal(await heading(page), 'Register an organisation');
      await page.getByLabel('Kind').selectOption('company');
      await page.getByLabel('Legal name').fill(orgName);
      await page.getByLabel('Country').fill('PK');
      await page.getByLabel('City').fill('Sialkot');
      await page.getByLabel('Industries').fill('339920');
      await page.getByLabel('Exports').fill('9506');
      await submit(page, 'Save');
      orgUrl = new URL(page.url()).pathname;
      assert.match(orgUrl, /^\/organisations\/[^/]+$/);
      await submit(page, 'Submit for verification');
      assert.equal((await page.locator('h1 .badge').innerText()).trim(), 'Unverified (submitted)');
    });

    f.step('adds a person with private contact details, and sees them', async () => {
      const page = ownerPage;
      await page.getByRole('link', { name: 'Add a person' }).click();
      await page.waitForURL('**/people/new**');
      assert.equal(await heading(page), 'Add a person');
      assert.notEqual(await page.getByLabel('Organisation id').inputValue(), '', 'the organisation is filled in');
      await page.getByLabel('Name', { exact: true }).fill(person.name);
      await page.getByLabel('Title').fill('Export Manager');
      await page.getByLabel('Kind').selectOption({ index: 1 });
      await page.getByLabel('Time zone').fill('Asia/Karachi');
      await page.getByLabel('E-mail (private)').fill(person.email);
      await page.getByLabel('Phone (private)').fill(person.phone);
      await submit(page, 'Save');
      personUrl = new URL(page.url()).pathname;
      assert.match(personUrl, /^\/people\/[^/]+$/, `saved: the person's page (at ${page.url()})`);
      assert.equal(await heading(page), person.name);
      const text = await page.getByRole('main').innerText();
      assert.ok(text.includes(person.email), 'the owner sees the e-mail address');
      assert.ok(text.includes(person.shown), `the owner sees the phone number: ${text}`);
      await open(page, orgUrl);
      const people = await page.locator('ul.people').innerText();
      assert.ok(people.includes(person.name) && people.includes(person.email), `owner's view: ${people}`);
    });

    f.step('an anonymous visitor sees the profile without contact details', async () => {
      const { page } = await f.visitor();
      await open(page, orgUrl);
      assert.ok((await heading(page)).startsWith(orgName));
      assert.ok((await page.locator('ul.people').innerText()).includes(person.name), 'the person is listed');
      await noContacts(page);
      await open(page, personUrl);
      assert.equal(await heading(page), person.name);
      assert.match(await page.getByRole('main').innerText(), /Contact details are private\./);
      await noContacts(page);
    });

    f.step('so does another member', async () => {
      const { page } = await f.visitor();
      await signUp(page, other);
      await open(page, orgUrl);
      assert.ok((await page.locator('ul.people').innerText()).includes(person.name));
      await noContacts(page);
      await open(page, personUrl);
      assert.match(await page.getByRole('main').innerText(), /Contact details are private\./);
    });

    f.step('the demo directory shows no contact details to a visitor either', async () => {
      const { page } = await f.visitor();
      await open(page, '/directory?verified=true&country=PK');
      assert.equal(await heading(page), 'Directory');
      const links = page.locator('table.directory tbody tr a');
      assert.ok((await links.count()) > 0, 'the demo data has verified organisations');
      await Promise.all([page.waitForNavigation(), links.first().click()]);
      assert.equal((await page.locator('h1 .badge').innerText()).trim(), '✓ Verified');
      assert.equal(await page.locator('a[href^="mailto:"]').count(), 0, 'no mailto link');
      assert.equal(await page.locator('.contact').count(), 0, 'no contact details');
    });
  });
});
