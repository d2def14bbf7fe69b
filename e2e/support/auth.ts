import type { Page } from 'playwright-core';

/** README: every demo account shares this password (demo installations only). */
export const DEMO_PASSWORD = 'Demo@2026';

/**
 * Signs in through the login form. Only right passwords are ever typed: five failures lock an
 * account (and the address) for 15 minutes, which would break every later journey.
 */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  // antd puts a space between two CJK characters in a button: "登 录".
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  // Either the signed-in shell (its user menu) or the login form's refusal, whichever comes first.
  const refusal = page.getByTestId('login-error');
  await page.getByTestId('user-menu').or(refusal).waitFor();
  if (await refusal.isVisible())
    throw new Error(`sign-in as ${username} refused: ${await refusal.innerText()}`);
}
