// Shared helpers for the browser tests: one headless Debian Chromium per test file, driven by
// playwright-core, against the server that run.sh started (CORRIDOR_URL). Steps run in order; a
// failing step saves a screenshot into artifacts/ and the steps after it are skipped.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE = (process.env.CORRIDOR_URL ?? '').replace(/\/$/, '');
if (!BASE) {
  throw new Error('CORRIDOR_URL is not set: run the browser tests with tests/browser/run.sh');
}
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** The demo organiser of README's walkthrough and the password of every demo account. */
export const ORGANISER = 'organiser.islamabad@example.org';
export const DEMO_PASSWORD = 'corridor-demo-password';

// Without the background-networking flags Chromium keeps calling home on a closed network.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh Chromium (playwright gives each launch a new temporary profile directory). */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
}

/** A browser window with its own cookies, i.e. one person. */
export async function visitor(browser) {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** A unique suffix, so a test can run twice against the same server. */
export function unique() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Opens `url` and checks the answer's status (200 unless told). */
export async function open(page, url, status = 200) {
  const response = await page.goto(url);
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), status, `GET ${url}`);
  return response;
}

/** The text of the page's (first) h1. */
export async function heading(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

/** Clicks the submit button named `name` and waits for the page it leads to. */
export async function submit(page, name, scope = page) {
  await Promise.all([
    page.waitForNavigation(),
    scope.getByRole('button', { name, exact: true }).click(),
  ]);
}

/** Signs up through /signup, following the header's "Sign up" link from the home page. */
export async function signUp(page, { email, name, password }) {
  await open(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign up' }).click();
  await page.waitForURL('**/signup');
  assert.equal(await heading(page), 'Create an account');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Your name, as others will see it').fill(name);
  await page.getByLabel(/^Password/).fill(password);
  await submit(page, 'Create the account');
  assert.match(new URL(page.url()).pathname, /^\/account$/, 'sign-up leads to the account page');
  assert.equal(await heading(page), name);
}

/** Logs in through the header's "Log in" link; checks that it worked. */
export async function logIn(page, email, password) {
  await open(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Log in' }).click();
  await page.waitForURL('**/login**');
  assert.equal(await heading(page), 'Log in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await submit(page, 'Log in');
  await assertSignedIn(page);
}

export async function assertSignedIn(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('button', { name: 'Log out' }).count(), 1, 'signed in: a Log out button');
  assert.equal(await nav.getByRole('link', { name: 'Log in' }).count(), 0, 'signed in: no Log in link');
}

/** Logs out with the header's button and checks the header says so. */
export async function logOut(page) {
  await submit(page, 'Log out', page.getByRole('navigation', { name: 'Main' }));
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('link', { name: 'Log in' }).count(), 1, 'logged out: a Log in link');
  assert.equal(await nav.getByRole('button', { name: 'Log out' }).count(), 0, 'logged out: no Log out button');
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/**
 * Declares a flow: `browser` is launched before its steps and closed after them. `steps(flow)`
 * declares the steps with `flow.step(name, async (flow) => …)`; `flow.pages` lists the pages to
 * photograph when a step fails.
 */
export function flow(file, steps) {
  const state = { browser: null, pages: new Set(), failed: null };
  const flowName = path.basename(file, '.test.mjs');
  before(async () => {
    state.browser = await launch();
  });
  after(async () => {
    await state.browser?.close();
  });
  const api = {
    get browser() {
      return state.browser;
    },
    /** A new person with their own cookies; photographed if a step fails. */
    async visitor() {
      const v = await visitor(state.browser);
      state.pages.add(v.page);
      return v;
    },
    step(name, body) {
      it(name, async (t) => {
        if (state.failed) {
          t.skip(`an earlier step failed: ${state.failed}`);
          return;
        }
        try {
          await body(t);
        } catch (error) {
          state.failed = name;
          mkdirSync(ARTIFACTS, { recursive: true });
          let i = 0;
          for (const page of state.pages) {
            if (page.isClosed()) continue;
            const shot = path.join(ARTIFACTS, `${flowName}--${slug(name)}${i ? `-${i}` : ''}.png`);
            i += 1;
            try {
              await page.screenshot({ path: shot, fullPage: true, timeout: 5_000 });
              t.diagnostic(`screenshot: ${path.relative(process.cwd(), shot)} (at ${page.url()})`);
            } catch (e) {
              t.diagnostic(`no screenshot: ${e.message}`);
            }
          }
          throw error;
        }
      });
    },
  };
  steps(api);
}
