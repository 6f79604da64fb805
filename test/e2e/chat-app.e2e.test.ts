import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLlmServer, type FakeLlmServer } from '../fake-llm/server.js';
import { createTestDatabase, TEST_DATABASE_MODE, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';
import { createWorkspaceWithKeys, postAs } from './security/two-workspaces.js';
import { fakeChain } from './support/runs-fixture.js';
import { serveChatApp, type ServedChatApp } from './support/chat-app.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = path.resolve('.ci-results/screenshots');
// `UPDATE_DOCS_SCREENSHOT=1` also writes the README's picture of the app.
const DOCS_SCREENSHOT = path.resolve('docs/images/chat-app.png');
const DEADLINE_MS = 30_000;
// Slow enough that a reload lands while the answer streams, whatever the machine's load.
const TOKEN_DELAY_MS = 400;

const DOCUMENT = [
  '# Leave policy',
  '',
  '## Parental leave',
  '',
  'Parental leave is sixteen weeks at full pay, for every parent.',
].join('\n');

/** A page whose errors (uncaught, console) and sent WebSocket frames are recorded. */
async function watchedPage(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  const framesSent: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => framesSent.push(String(frame.payload))),
  );
  return { page, problems, framesSent };
}

/** The answer region's text and status, or null before it is shown. */
async function answerNow(page: Page): Promise<{ text: string; status: string } | null> {
  const answer = await page.$('#answer');
  if (!answer) return null;
  return {
    text: (await answer.textContent()) ?? '',
    status: (await answer.getAttribute('data-status')) ?? '',
  };
}

// Issue 19: the reference chat app (examples/chat), built and served as `npm run example:chat`
// serves it, driven in headless Chromium against a real Ballast and the fake model.
describe.skipIf(!HAS_CHROMIUM)(`the chat app in Chromium (${TEST_DATABASE_MODE})`, () => {
  let app: ServedChatApp;
  let fake: FakeLlmServer;
  let database: TestDatabase;
  let server: TestServer;
  let apiKey: string;
  let browser: Browser;

  beforeAll(async () => {
    app = await serveChatApp();
    fake = await createFakeLlmServer();
    database = await createTestDatabase();
    server = await startTestServer({
      db: database.db,
      models: fakeChain(fake),
      authMode: 'required',
      // The app's origin only: Ballast answers its CORS preflights and its WebSocket.
      allowedOrigins: [app.origin],
    });
    apiKey = (await createWorkspaceWithKeys(database.db.pool, 'chat')).keys.writer;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox'],
      timeout: DEADLINE_MS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.destroy();
    await fake?.close();
    await app?.close();
  });

  it(
    'ingests, asks, streams the answer with a citation, re-joins the run after a reload, cancels',
    { timeout: 180_000 },
    async () => {
      fake.script('primary', { tokenDelayMs: TOKEN_DELAY_MS });
      const { page, problems, framesSent } = await watchedPage(browser);
      const start = `${app.url}?server=${encodeURIComponent(server.url)}&key=${apiKey}`;
      await page.goto(start, { timeout: DEADLINE_MS, waitUntil: 'domcontentloaded' });
      // No collection yet: create one, then paste a Markdown document and watch its job.
      await page.getByRole('textbox', { name: /collection/i }).fill('Handbook');
      expect(page.url(), 'the key leaves the address bar').not.toContain(apiKey);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('combobox', { name: 'Ask about' }).waitFor({ timeout: DEADLINE_MS });
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Leave policy');
      await page.getByRole('textbox', { name: 'Document', exact: true }).fill(DOCUMENT);
      await page.getByRole('button', { name: 'Ingest', exact: true }).click();
      await page.waitForSelector('.job[data-status="SUCCEEDED"]', { timeout: 60_000 });
      // And a file, through POST /files (a CORS request with the key) and `fileId`.
      await page.getByLabel(/^File/).setInputFiles({
        name: 'expenses.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Expenses\n\nReceipts are due within thirty days.\n'),
      });
      await page.getByRole('button', { name: 'Upload and ingest' }).click();
      await waitFor({
        what: 'both ingestion jobs SUCCEEDED',
        read: () => page.locator('.job[data-status="SUCCEEDED"]').count(),
        until: (done) => done === 2,
        timeoutMs: 60_000,
      });

      await page.getByLabel('Your question').fill('How long is parental leave?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();

      // Two different partial texts while the answer streams.
      const partials = new Set<string>();
      await waitFor({
        what: 'two partial answers while streaming',
        read: async () => {
          const now = await answerNow(page);
          if (now?.status === 'streaming' && now.text) partials.add(now.text);
          return { size: partials.size, status: now?.status };
        },
        until: ({ size }) => size >= 2,
        failWhen: ({ status }) => status !== undefined && status !== 'streaming',
        timeoutMs: 90_000,
      });
      const beforeReload = (await answerNow(page))!;
      const runId = new URL(page.url()).searchParams.get('run');
      expect(runId).toMatch(/^run_/);
      const RUN = 'query ($id: ID!) { run(id: $id) { status answer { text } } }';
      const midway = await postAs(server.url, apiKey, RUN, { id: runId });
      expect(midway.body.data?.['run']).toMatchObject({ status: 'RUNNING' });

      // Reload mid-stream: the app re-joins the run from the seq it had processed.
      await page.reload({ timeout: DEADLINE_MS, waitUntil: 'domcontentloaded' });
      await page.waitForSelector('#answer[data-status="completed"]', { timeout: 90_000 });
      const final = (await answerNow(page))!;
      const stored = await postAs(server.url, apiKey, RUN, { id: runId });
      const answer = (stored.body.data?.['run'] as { answer: { text: string } }).answer.text;
      expect(final.text).toBe(answer);
      expect(answer.startsWith(beforeReload.text)).toBe(true);
      const rejoin = framesSent.find(
        (frame) => frame.includes('runEvents') && /"afterSeq":[1-9]/.test(frame),
      );
      expect(rejoin, 'runEvents re-subscribed with afterSeq > 0').toBeDefined();

      const citations = await page.locator('.citation').allTextContents();
      expect(citations).toContainEqual(expect.stringMatching(/Leave policy.*Parental leave/));
      // The new conversation is listed under its question.
      await page
        .getByRole('button', { name: /How long is parental leave/ })
        .waitFor({ timeout: DEADLINE_MS });

      mkdirSync(SCREENSHOTS, { recursive: true });
      const name = `chat-app-${TEST_DATABASE_MODE.toLowerCase()}.png`;
      await page.screenshot({ path: path.join(SCREENSHOTS, name), timeout: DEADLINE_MS });
      if (process.env['UPDATE_DOCS_SCREENSHOT'] === '1') {
        await page.screenshot({ path: DOCS_SCREENSHOT, timeout: DEADLINE_MS });
      }

      // A follow-up in the same conversation, cancelled while it streams.
      await page.getByLabel('Your question').fill('And how long is annual leave?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.waitForSelector('#answer[data-status="streaming"]', { timeout: DEADLINE_MS });
      const followUp = new URL(page.url()).searchParams.get('run');
      expect(followUp).not.toBe(runId);
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.waitForSelector('#answer[data-status="cancelled"]', { timeout: 60_000 });
      const cancelled = await postAs(server.url, apiKey, RUN, { id: followUp });
      expect(cancelled.body.data?.['run']).toMatchObject({ status: 'CANCELLED' });

      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

if (!HAS_CHROMIUM) {
  describe('the chat app in Chromium', () => {
    it.skip(`skipped: ${CHROMIUM} is absent (install it: bash scripts/install-chromium.sh)`, () => {});
  });
}
