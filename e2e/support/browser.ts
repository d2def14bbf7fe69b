import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

const ARTIFACTS = fileURLToPath(new URL('../.artifacts', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
// Long enough for a loaded 2-core machine, short enough that a missing element fails the test
// well inside vitest's 180 s.
const ACTION_TIMEOUT_MS = 20_000;

export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

export interface Session {
  /** A page in a new browser context (own cookies and storage), zh-CN unless told otherwise. */
  open(options?: BrowserContextOptions): Promise<Page>;
}

const fileSafe = (s: string) => s.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80);

/**
 * One Chromium per test file; every `open()` gets a fresh context that is closed after the test.
 * A failed test leaves a full-page screenshot of each of its pages in e2e/.artifacts/.
 */
export function useBrowser(): Session {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async ({ task }) => {
    const open = contexts;
    contexts = [];
    if (task.result?.state === 'fail') await screenshots(open, `${task.file.name}-${task.name}`);
    await Promise.all(open.map((context) => context.close()));
  });

  return {
    async open(options = {}) {
      if (!browser) throw new Error('useBrowser: the browser is not running (call open() inside a test)');
      const context = await browser.newContext({ locale: 'zh-CN', baseURL: baseUrl, ...options });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      contexts.push(context);
      return context.newPage();
    },
  };
}

async function screenshots(contexts: BrowserContext[], name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const pages = contexts.flatMap((context) => context.pages());
  for (const [i, page] of pages.entries()) {
    const path = join(ARTIFACTS, `${fileSafe(name)}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
    try {
      await page.screenshot({ path, fullPage: true, timeout: 10_000 });
      console.error(`e2e: screenshot of the failed page: ${path}`);
    } catch (error) {
      console.error(`e2e: could not take a screenshot (${String(error)})`);
    }
  }
}
