import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, signIn } from './support/auth.js';
import { useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { listedNames, listTotal, tableRows } from './support/list-page.js';

describe('start', () => {
  const browser = useBrowser();

  it('serves the zh-CN login page at /', async () => {
    const page = await browser.open();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);

    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '账号登录' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toBe('科技局工作平台');
    await page.getByRole('heading', { name: '科技局工作平台', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: '用户名' }).waitFor();
    await page.getByRole('textbox', { name: '密码' }).waitFor();
    await page.getByRole('button', { name: /^登\s*录$/ }).waitFor();
  });

  it('signs a demo clerk in to the enterprise list with rows', async () => {
    const page = await browser.open();
    await signIn(page, 'cx_staff');

    await page.waitForURL('**/e/enterprises');
    await page.getByRole('heading', { name: '企业', level: 1 }).waitFor();
    await page.getByRole('menuitem', { name: /企业/ }).waitFor();
    await tableRows(page).first().waitFor();
    const names = await listedNames(page);
    expect(names.length).toBeGreaterThan(0);
    // A county clerk's list holds only enterprises of 辰溪县.
    for (const name of names) expect(name).toMatch(/^辰溪县/);
    expect(await listTotal(page)).toBeGreaterThanOrEqual(names.length);
    await eventually(() => page.title()).toBe('企业 - 科技局工作平台');
  });

  it('switches the interface to English and back', async () => {
    const page = await browser.open();
    await page.goto('/login');
    await page.getByRole('button', { name: '语言' }).click();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The choice is kept: a reload stays English.
    await page.reload();
    await page.getByRole('textbox', { name: 'Username' }).fill('cx_staff');
    await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // UI strings and the entity definition's labels both follow the language.
    await page.getByRole('heading', { name: 'Enterprise', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Export Excel' }).waitFor();
    await page.getByRole('columnheader', { name: 'Unified social credit code' }).waitFor();

    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('heading', { name: '企业', level: 1 }).waitFor();
    await page.getByRole('columnheader', { name: '统一社会信用代码' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });
});
