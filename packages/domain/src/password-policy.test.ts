import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.js';

describe('password policy outside demo mode', () => {
  it.each([
    ['Kj-2026-strong', 'cx_staff', 0],
    ['abcdefgh', 'cx_staff', 1],
    ['Ab1!', 'cx_staff', 1],
    ['short', 'cx_staff', 2],
    ['Xcx_staff1!', 'cx_staff', 1],
    ['ABCdef123', 'u', 0],
  ])('%s for %s has %i problem(s)', (password, username, count) => {
    expect(passwordProblems(password, username)).toHaveLength(count);
  });
});
