import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/child-server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createWorkspaceWithKeys, type TestWorkspace } from './security/two-workspaces.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = path.resolve('.ci-results/screenshots');
// Every name but the server's resolves to nothing: the machine is offline for this browser,
// whatever the machine's own network, so Sandbox's CDN cannot be reached.
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const DEADLINE_MS = 30_000;

/** Creates a collection and an ingestion job in it; resolves with the job's id. */
async function createIngestJob(url: string, headers: Record<string, string> = {}) {
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
    const body = (await response.json()) as { data?: Record<string, { id: string }> };
    if (!body.data) throw new Error(`${query}: ${JSON.stringify(body)}`);
    return Object.values(body.data)[0]!.id;
  };
  const collectionId = await post(
    'mutation { createCollection(input: { name: "explorer" }) { id } }',
  );
  return post(
    'mutation ($input: IngestDocumentsInput!) { ingestDocuments(input: $input) { id } }',
    { input: { collectionId, documents: [{ title: 'Explorer', text: 'GraphiQL, offline.' }] } },
  );
}

interface PageGlobals {
  document: { querySelector(selector: string): unknown };
}

interface CodeMirrorHost {
  CodeMirror: { getValue(): string; setValue(value: string): void };
}

// GraphiQL 4's editors are CodeMirror 5, which hangs its instance on its element.
const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT = '.result-window .CodeMirror';

async function editorValue(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as unknown as CodeMirrorHost).CodeMirror.getValue());
}

/** Replaces an editor's text as typing would (GraphiQL sees the change). */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(
    selector,
    (el, value) => (el as unknown as CodeMirrorHost).CodeMirror.setValue(value),
    text,
  );
}

/** Runs the query editor's operation; resolves with the result once it shows `expected`. */
async function runAndWaitFor(page: Page, expected: string): Promise<unknown> {
  await page.click('.graphiql-execute-button', { timeout: DEADLINE_MS });
  // Serialized and run in the page, where `document` exists (this file's types have no DOM).
  await page.waitForFunction(
    ([selector, text]) =>
      (
        (globalThis as unknown as PageGlobals).document.querySelector(
          selector!,
        ) as CodeMirrorHost | null
      )?.CodeMirror.getValue().includes(text!),
    [RESULT, expected],
    { timeout: DEADLINE_MS, polling: 100 },
  );
  return JSON.parse(await editorValue(page, RESULT)) as unknown;
}

/** A page whose errors, CSP violations and requests are recorded. */
async function watchedPage(browser: Browser) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  const sockets: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' && !text.includes('Content Security Policy')) return;
    // Expected: Sandbox's script failing (what sends the page to GraphiQL), and GraphiQL's
    // schema introspection refused until the API key is in its headers.
    if (message.location().url.includes('cdn.apollographql.com')) return;
    if (text.includes('status of 401')) return;
    problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  return { page, problems, requests, sockets };
}

/**
 * Waits for GraphiQL, opens and closes its settings dialog (the one part that injects a
 * `<style>`), runs `{ health { status } }` and an `ingestJobUpdates` subscription over
 * graphql-ws, and screenshots it.
 */
async function exerciseGraphiQL(
  { page, sockets }: Awaited<ReturnType<typeof watchedPage>>,
  options: { jobId: string; apiKey?: string; screenshot: string },
): Promise<void> {
  await page.waitForSelector(QUERY_EDITOR, { timeout: DEADLINE_MS });
  expect(await editorValue(page, QUERY_EDITOR)).toContain('health');
  await page.click('[aria-label="Open settings dialog"]', { timeout: DEADLINE_MS });
  await page.waitForSelector('.graphiql-dialog', { timeout: DEADLINE_MS });
  await page.keyboard.press('Escape');
  await page.waitForSelector('.graphiql-dialog', { state: 'detached', timeout: DEADLINE_MS });

  if (options.apiKey) {
    await setEditor(page, HEADERS_EDITOR, JSON.stringify({ 'x-api-key': options.apiKey }));
  }
  await setEditor(page, QUERY_EDITOR, '{ health { status } }');
  expect(await runAndWaitFor(page, '"status"')).toMatchObject({
    data: { health: { status: expect.any(String) } },
  });

  await setEditor(
    page,
    QUERY_EDITOR,
    `subscription { ingestJobUpdates(id: "${options.jobId}") { id status } }`,
  );
  const event = await runAndWaitFor(page, '"ingestJobUpdates"');
  expect(event, JSON.stringify(event)).toMatchObject({
    data: { ingestJobUpdates: { id: options.jobId, status: expect.any(String) } },
  });
  expect(sockets, 'the subscription went over graphql-ws').toEqual([
    expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/graphql$/),
  ]);

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, options.screenshot), timeout: DEADLINE_MS });
}

// Issue 19: offline, GET /graphql in a browser must still give a working explorer: GraphiQL,
// bundled from npm packages, with queries over HTTP and subscriptions over graphql-ws.
describe.skipIf(!HAS_CHROMIUM)(`the offline explorer in Chromium (${TEST_DATABASE_MODE})`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', OFFLINE],
      timeout: DEADLINE_MS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('auto (the default), Sandbox unreachable, API keys required', () => {
    let database: TestDatabase;
    let server: TestServer;
    let workspace: TestWorkspace;
    beforeAll(async () => {
      database = await createTestDatabase();
      server = await startTestServer({ db: database.db, authMode: 'required' });
      workspace = await createWorkspaceWithKeys(database.db.pool, 'explorer');
    });
    afterAll(async () => {
      await server?.stop();
      await database?.destroy();
    });

    it('serves the page and its files without credentials, and nothing else', async () => {
      const get = (url: string, headers: Record<string, string> = {}) =>
        fetch(url, { headers, signal: AbortSignal.timeout(DEADLINE_MS) });
      const page = await get(server.url, { accept: 'text/html' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Content-Security-Policy');
      const js = await get(`${server.url}/explorer/graphiql.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect((await get(`${server.url}/explorer/graphiql.css`)).status).toBe(200);
      expect((await get(`${server.url}/explorer/secret.json`)).status).toBe(401);
      expect((await get(server.url)).status).not.toBe(200);
    });

    it('tries Sandbox, falls back to GraphiQL, runs a query and a subscription', async () => {
      const apiKey = workspace.keys.writer;
      const jobId = await createIngestJob(server.url, { 'x-api-key': apiKey });
      const watched = await watchedPage(browser);
      const { page, problems, requests } = watched;
      try {
        await page.goto(server.url, { timeout: DEADLINE_MS, waitUntil: 'domcontentloaded' });
        await exerciseGraphiQL(watched, {
          jobId,
          apiKey,
          screenshot: `explorer-auto-offline-${TEST_DATABASE_MODE.toLowerCase()}.png`,
        });
        expect(requests.some((url) => url.includes('embeddable-sandbox'))).toBe(true);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe('BALLAST_EXPLORER=graphiql, as `npm run dev` runs it', () => {
    // A child server on a new embedded database, bundling the explorer on first request.
    it('opens GraphiQL without a request leaving the origin', { timeout: 150_000 }, async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'ballast-explorer-'));
      const server = await spawnServer({ BALLAST_DATA_DIR: dataDir, BALLAST_EXPLORER: 'graphiql' });
      try {
        const jobId = await createIngestJob(server.url);
        const watched = await watchedPage(browser);
        const { page, problems, requests } = watched;
        try {
          await page.goto(server.url, { timeout: DEADLINE_MS, waitUntil: 'domcontentloaded' });
          await exerciseGraphiQL(watched, {
            jobId,
            screenshot: `explorer-graphiql-${TEST_DATABASE_MODE.toLowerCase()}.png`,
          });
          const origin = new URL(server.url).origin;
          const wsOrigin = origin.replace(/^http/, 'ws');
          const elsewhere = requests.filter(
            (url) => !url.startsWith(origin) && !url.startsWith(wsOrigin),
          );
          expect(elsewhere.filter((url) => !url.startsWith('data:'))).toEqual([]);
          expect(problems).toEqual([]);
        } finally {
          await page.close();
        }
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});

if (!HAS_CHROMIUM) {
  describe('the offline explorer in Chromium', () => {
    it.skip(`skipped: ${CHROMIUM} is absent (install it: bash scripts/install-chromium.sh)`, () => {});
  });
}
