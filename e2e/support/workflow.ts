import type { Locator, Page } from 'playwright-core';

/** Today in China (UTC+8): lifecycle dates may not lie in the future. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The open action dialog (one at a time). */
export const actionDialog = (page: Page): Locator => page.getByRole('dialog');

/**
 * Types a date into an antd date picker and tabs on (Enter would also submit the form). The picker
 * keeps typed text only once it has parsed it; on a busy machine the blur can come first, so the
 * value is read back and typed again until it holds.
 */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(date);
    await input.press('Tab');
    if ((await input.inputValue()) === date) return;
  }
  throw new Error(`the date picker “${label}” did not take ${date}`);
}

/** The record page's state tag (已申报, 实施中 …). */
export const recordState = (page: Page): Promise<string> => page.getByTestId('record-state').innerText();

/**
 * Takes a lifecycle action from the record page: its button, its form (filled by `fill`), 确定,
 * and waits for the dialog to close and the state tag to read `expected`.
 */
export async function takeAction(
  page: Page,
  action: string,
  expected: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = actionDialog(page);
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: /^确\s*定$/ }).click();
  const refusal = await closedOrRefused(dialog);
  if (refusal !== null) throw new Error(`the action “${action}” was refused: ${refusal}`);
  await page.getByTestId('record-state').getByText(expected, { exact: true }).waitFor();
}

/**
 * Waits for a submitted dialog to close, or for the page to say why it did not (a field's error in
 * the dialog, or the server's refusal as an error message): null when it closed, else the message.
 */
async function closedOrRefused(dialog: Locator): Promise<string | null> {
  const alert = dialog.getByRole('alert').or(dialog.page().locator('.ant-message-error')).first();
  const refused = alert.waitFor().then(
    () => alert.innerText(),
    () => null,
  );
  const closed = dialog.waitFor({ state: 'detached' }).then(() => null);
  return Promise.race([closed, refused.then((text) => text ?? closed)]);
}

/** Opens `/e/:plural/new`, lets `fill` complete the form, saves, and returns the new record's id. */
export async function createRecord(
  page: Page,
  plural: string,
  fill: (page: Page) => Promise<void>,
): Promise<number> {
  await page.goto(`/e/${plural}/new`);
  await page.getByRole('button', { name: /^保\s*存$/ }).waitFor();
  await fill(page);
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await page.waitForURL(new RegExp(`/e/${plural}/\\d+$`));
  return Number(/\/(\d+)$/.exec(page.url())?.[1]);
}

/**
 * A write through the API with the page's own session (its CSRF token from /auth/me): for the
 * steps a journey does not walk through on screen, such as the other reviewers' sheets.
 */
export async function apiPost(page: Page, path: string, body: unknown): Promise<Record<string, unknown>> {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.post(`/api/v1${path}`, {
    data: body as Record<string, unknown>,
    headers: { 'x-csrf-token': csrfToken },
  });
  if (!response.ok()) throw new Error(`POST ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}
