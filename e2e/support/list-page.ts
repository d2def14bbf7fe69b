import type { Locator, Page } from 'playwright-core';
import { eventually } from './eventually.js';

/** Body rows of the desktop list (each has a 详情 link; antd's measuring row has none). */
export const tableRows = (page: Page): Locator =>
  page
    .getByRole('main')
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: '详情' }) });

/**
 * The texts in one column of the list's rows. Read in one pass inside the page, so a list that
 * re-renders meanwhile gives one consistent snapshot rather than a row that vanished mid-read.
 */
const cellTexts = (page: Page, index: number): Promise<string[]> =>
  tableRows(page).evaluateAll(
    (rows, i) => rows.map((row) => ((row as HTMLTableRowElement).cells[i]?.innerText ?? '').trim()),
    index,
  );

/** The record names in the list's first column, in order. */
export const listedNames = (page: Page): Promise<string[]> => cellTexts(page, 0);

/** Types into the list's search box and runs the search; resolves once the URL carries `q`. */
export async function searchList(page: Page, q: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: /搜索/ });
  await box.fill(q);
  await page.getByRole('button', { name: /^搜\s*索$/ }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}

/** Waits until the list shows exactly `names` (in any order). */
export async function expectListed(page: Page, names: string[]): Promise<void> {
  await eventually(async () => (await listedNames(page)).sort()).toEqual([...names].sort());
}

/** The validation message antd shows under a form field, read through its aria-describedby link. */
export async function fieldError(page: Page, label: string): Promise<string> {
  const input = page.getByRole('textbox', { name: label });
  if ((await input.getAttribute('aria-invalid')) !== 'true') return '';
  const help = (await input.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('_help'));
  return help ? ((await page.locator(`[id="${help}"]`).textContent()) ?? '') : '';
}

/**
 * Picks an option of a searchable select by typing it, as a keyboard user would. A select that
 * searches the server may still be swapping its options when Enter lands, so the choice is read
 * back and typed again until it holds.
 */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  const chosen = page.locator('.ant-select').filter({ has: box }).locator('.ant-select-selection-item');
  for (let attempt = 0; attempt < 3; attempt++) {
    await box.fill(option);
    await page.getByRole('option', { name: option, exact: true }).waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    const shown = await chosen.innerText({ timeout: 2_000 }).catch(() => '');
    if (shown.trim() === option) return;
  }
  throw new Error(`the select “${label}” did not take ${option}`);
}

/** The texts of one column of the list (by its header), row by row. */
export async function columnValues(page: Page, header: string): Promise<string[]> {
  const headers = (await page.getByRole('main').getByRole('columnheader').allInnerTexts()).map((h) =>
    h.trim(),
  );
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`the list has no column “${header}” (columns: ${headers.join('、')})`);
  return cellTexts(page, index);
}

/** The list's total line: 共 N 条. */
export async function listTotal(page: Page): Promise<number> {
  const text = await page.getByText(/^共 \d+ 条$/).innerText();
  return Number(/\d+/.exec(text)?.[0]);
}
