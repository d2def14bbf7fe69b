import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { PHONE, useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';

const PHONE_WIDTH = 375;

/** Nothing wider than the screen: the page never scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The phone list is one card per record; each card's title links to the record. */
const cardTitles = (page: Page) =>
  page.getByTestId('entity-cards').getByRole('link').filter({ hasNotText: '详情' });

describe('phone layout', () => {
  const browser = useBrowser();

  it('lets a commissioner browse, search, use the menu and open a record at 375 px', async () => {
    const page = await browser.open(PHONE);
    await signIn(page, 'cx_commissioner');

    await page.getByRole('heading', { name: '企业', level: 1 }).waitFor();
    await cardTitles(page).first().waitFor();
    expect(await cardTitles(page).count()).toBeGreaterThan(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    // A commissioner reads; the list offers no 新增.
    expect(await page.getByRole('button', { name: /新增/ }).count()).toBe(0);

    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('menuitem', { name: /组织机构/ }).click();
    await page.getByRole('heading', { name: '组织机构', level: 1 }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await drawer.getByRole('menuitem', { name: /企业/ }).click();
    await page.getByRole('heading', { name: '企业', level: 1 }).waitFor();

    await cardTitles(page).first().waitFor();
    const name = (await cardTitles(page).first().innerText()).trim();
    await page.getByRole('searchbox', { name: /搜索/ }).fill(name);
    await page.getByRole('button', { name: /^搜\s*索$/ }).click();
    await eventually(async () => (await cardTitles(page).allInnerTexts()).map((t) => t.trim())).toEqual([
      name,
    ]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);

    await cardTitles(page).first().click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/e\/enterprises\/\d+$/);
    await page.getByText('基本信息').waitFor();
    await page.getByText('变更记录').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
  });
});
