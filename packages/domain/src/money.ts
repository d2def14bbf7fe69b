/**
 * Money is integer 分 everywhere (DOMAIN conventions). Conversions work on decimal strings, never
 * floats, so 0.1 + 0.2 problems cannot creep into a ledger.
 */
const UNIT_DIGITS = { yuan: 2, wan: 6 } as const;
export type MoneyUnit = keyof typeof UNIT_DIGITS;

/** '12.5' 万元 → 125000000 分; undefined when the text is not a plain decimal of allowed precision. */
export function parseMoney(text: string, unit: MoneyUnit): number | undefined {
  const match = /^\s*(\d{1,13})(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, whole = '0', frac = ''] = match;
  if (frac.length > UNIT_DIGITS[unit]) return undefined;
  // 元 has 2 decimals down to 分 and 万元 has 6, so the padded digit string is the amount in 分.
  const fen = Number(BigInt(whole + frac.padEnd(UNIT_DIGITS[unit], '0')));
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** 125000000 分 → '12.5' (万元) or '1250000' (元); trailing zeros dropped, exact. */
export function formatMoney(fen: number, unit: MoneyUnit): string {
  const digits = UNIT_DIGITS[unit];
  const negative = fen < 0;
  const padded = String(Math.abs(fen)).padStart(digits + 1, '0');
  const whole = padded.slice(0, -digits);
  const frac = padded.slice(-digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

export const MONEY_UNIT_LABELS = {
  yuan: { zh: '元', en: 'yuan' },
  wan: { zh: '万元', en: '10k yuan' },
} as const;
