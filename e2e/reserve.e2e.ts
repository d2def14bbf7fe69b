import { describe, it } from 'vitest';
import { signIn } from './support/auth.js';
import { useBrowser } from './support/browser.js';
import { chooseOption } from './support/list-page.js';
import { uniqueToken } from './support/values.js';
import { createRecord, fillDate } from './support/workflow.js';

describe('the reserve library and the lists it is filed under', () => {
  const browser = useBrowser();

  it('records a survey with its figures as staff write them (30多个)', async () => {
    const page = await browser.open();
    await signIn(page, 'cx_staff');
    const name = `2020年${uniqueToken()}项目摸底调研`;
    await createRecord(page, 'reserve-surveys', async () => {
      await page.getByRole('textbox', { name: '调研名称' }).fill(name);
      await page.getByRole('spinbutton', { name: '年度' }).fill('2020');
      await fillDate(page, '开始日期', '2020-05-06');
      await page.getByRole('spinbutton', { name: '走访单位' }).fill('30');
      await chooseOption(page, '走访单位修饰词', '多');
    });
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByText('30多个', { exact: true }).waitFor();
  });

  it('lets the administrator add a project category that the project form then offers', async () => {
    const label = `类别${uniqueToken()}`.slice(0, 30);
    const admin = await browser.open();
    await signIn(admin, 'admin');
    await admin.goto('/admin/dicts');
    await admin.getByRole('tab', { name: '项目类别' }).waitFor();
    await admin.getByRole('button', { name: '新增字典项' }).first().click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).fill(label);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    // Its English name defaults to the Chinese one: two cells.
    await admin.getByRole('cell', { name: label, exact: true }).first().waitFor();

    const staff = await browser.open();
    await signIn(staff, 'cx_staff');
    await staff.goto('/e/projects/new');
    await chooseOption(staff, '项目类别', label);
  });
});
