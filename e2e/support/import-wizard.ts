import type { Locator, Page } from 'playwright-core';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportIssue {
  row: number;
  column: string;
  header: string;
  message: string;
}

/** The open import dialog of the enterprise list. */
export const importDialog = (page: Page): Locator => page.getByRole('dialog', { name: '导入企业' });

/**
 * Picks `file` in the wizard's drop zone (through the browser's file chooser, as a click would),
 * keeps the default mode (全部正确才导入) and starts the import.
 */
export async function runImport(page: Page, fileName: string, bytes: Buffer): Promise<void> {
  const dialog = importDialog(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByText('点击或拖动Excel文件到此处').click(),
  ]);
  await chooser.setFiles({ name: fileName, mimeType: XLSX, buffer: bytes });
  await dialog.getByText(fileName).waitFor();
  await dialog.getByRole('button', { name: '开始导入' }).click();
}

/** Waits for the result step and returns its headline (导入成功 / 未导入：…). */
export async function importOutcome(page: Page): Promise<string> {
  const title = importDialog(page).getByText(/^(导入成功|部分导入：|未导入：)/);
  await title.waitFor({ timeout: 60_000 });
  return title.innerText();
}

/** The result summary as label → figure: 数据行数, 新增, 更新, 出错行数. */
export async function importSummary(page: Page): Promise<Record<string, number>> {
  const summary: Record<string, number> = {};
  const table = importDialog(page).getByRole('table').first();
  for (const row of await table.getByRole('row').all()) {
    const labels = await row.getByRole('rowheader').allInnerTexts();
    const values = await row.getByRole('cell').allInnerTexts();
    labels.forEach((label, i) => (summary[label.trim()] = Number(values[i])));
  }
  return summary;
}

/** The rows of the error table: Excel row, column letter, header and message. */
export async function importErrors(page: Page): Promise<ImportIssue[]> {
  const table = importDialog(page).getByRole('tabpanel').getByRole('table');
  const rows = await table
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .all();
  return Promise.all(
    rows.map(async (row) => {
      const [number, column, header, message] = await row.getByRole('cell').allInnerTexts();
      return { row: Number(number), column: column ?? '', header: header ?? '', message: message ?? '' };
    }),
  );
}
