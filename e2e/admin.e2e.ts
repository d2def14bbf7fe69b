import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchEnterprises } from './support/api.js';
import { signIn } from './support/auth.js';
import { useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { columnValues, listedNames, listTotal, searchList, tableRows } from './support/list-page.js';

/** Opens an entry of the side menu and waits for its page heading. */
async function openFromMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: new RegExp(item) }).click();
  await page.getByRole('heading', { name: item, level: 1 }).waitFor();
}

/** Changes the 法定代表人 of the record page open in `page` through its edit form. */
async function changeLegalRep(page: Page, legalRep: string): Promise<void> {
  await page.getByRole('button', { name: /编辑/ }).click();
  await page.getByRole('heading', { name: '编辑企业', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: '法定代表人' }).fill(legalRep);
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.waitForURL(/\/e\/enterprises\/\d+$/);
}

describe('city administration', () => {
  const browser = useBrowser();

  it('narrows the city-wide list to 辰溪县 with the org switcher', async () => {
    const page = await browser.open();
    await signIn(page, 'hh_admin');
    await page.getByRole('heading', { name: '企业', level: 1 }).waitFor();
    await tableRows(page).first().waitFor();
    const cityTotal = await listTotal(page);
    // City-wide, the administrator also reaches 麻阳's enterprises.
    expect((await searchEnterprises(page, '麻阳苗族')).total).toBeGreaterThan(0);

    await page.getByRole('combobox', { name: '切换单位' }).click();
    await page.getByRole('treeitem', { name: '辰溪县科技局' }).click();

    await eventually(() => listTotal(page)).toBeLessThan(cityTotal);
    await eventually(async () => [...new Set(await columnValues(page, '所属单位'))]).toEqual([
      '辰溪县科技局',
    ]);
    for (const name of await listedNames(page)) expect(name).toMatch(/^辰溪县/);

    // Narrowed, a search for another county's enterprises finds nothing.
    await searchList(page, '麻阳苗族');
    await eventually(() => listTotal(page)).toBe(0);
    expect(await tableRows(page).count()).toBe(0);
  });

  it('opens the administration screens', async () => {
    const page = await browser.open();
    await signIn(page, 'hh_admin');
    await openFromMenu(page, '组织机构');
    await page
      .getByTestId('org-tree')
      .getByRole('row', { name: /辰溪县科学技术局/ })
      .waitFor();
    await page
      .getByTestId('org-tree')
      .getByRole('row', { name: /麻阳苗族自治县科学技术局/ })
      .waitFor();
    await openFromMenu(page, '用户管理');
    await page.getByRole('cell', { name: 'cx_staff', exact: true }).waitFor();
    await openFromMenu(page, '审计日志');
    await page.getByTestId('audit-table').getByText('登录', { exact: true }).first().waitFor();
    // Roles are the system administrator's: a city administrator has no such menu entry.
    expect(await page.getByRole('menuitem', { name: /角色权限/ }).count()).toBe(0);

    const admin = await browser.open();
    await signIn(admin, 'admin');
    await openFromMenu(admin, '角色权限');
    await admin.getByRole('cell', { name: '科技特派员', exact: true }).waitFor();
    await admin.getByRole('cell', { name: '股室工作人员', exact: true }).waitFor();
  });

  it("shows a record's change history, and hides the record from another county", async () => {
    const page = await browser.open();
    await signIn(page, 'hh_admin');
    await searchList(page, '辰溪县');
    // Until the search has answered, the list still shows the whole city.
    await eventually(async () => {
      const names = await listedNames(page);
      return names.length > 0 && names.every((n) => n.startsWith('辰溪县'));
    }).toBe(true);
    const name = (await listedNames(page))[0] ?? '';
    expect(name).toMatch(/^辰溪县/);
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const url = new URL(page.url());

    await changeLegalRep(page, '王审计');
    // Newest first: who changed it, and the field from its old value to the new one.
    const change = page.getByTestId('audit-timeline').getByRole('listitem').first();
    await change.getByText('修改', { exact: true }).waitFor();
    const text = await change.innerText();
    expect(text).toContain('市局管理员');
    expect(text).toMatch(/法定代表人：\s*\S+\s*→\s*王审计/);

    const other = await browser.open();
    await signIn(other, 'my_staff');
    await searchList(other, name);
    await eventually(() => listTotal(other)).toBe(0);
    expect(await tableRows(other).count()).toBe(0);
    await other.goto(url.pathname);
    await other.getByText(/企业不存在或无权查看/).waitFor();
    expect(await other.getByRole('heading', { name, level: 1 }).count()).toBe(0);
    const response = await other.request.get(`/api/v1${url.pathname.replace('/e/', '/')}`);
    expect(response.status()).toBe(404);
  });
});
