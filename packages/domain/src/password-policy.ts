import { t, type Text } from './i18n.js';

/**
 * Password rules outside demo mode (issue #3): at least 8 characters, three of the four character
 * classes, and not the username. Returns what is wrong, in both languages; empty means acceptable.
 */
export function passwordProblems(password: string, username: string): Text[] {
  const problems: Text[] = [];
  if (password.length < 8) problems.push(t('至少8个字符', 'at least 8 characters'));
  if (password.length > 128) problems.push(t('不超过128个字符', 'at most 128 characters'));
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    problems.push(
      t(
        '需包含大写字母、小写字母、数字、符号中的至少三类',
        'use three of: upper case, lower case, digits, symbols',
      ),
    );
  }
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (name && (lower === name || lower.includes(name)))
    problems.push(t('不能包含用户名', 'must not contain the username'));
  return problems;
}
