import { formatMoney } from '../money.js';
import { formatQty, type Qty } from '../qty.js';

/**
 * Numbers, money and dates as a government report writes them (DOMAIN §5.3). Everything here is
 * exact: a figure is never rounded up silently, and a rounded one says so with 余.
 */

const YUAN = 100;
const WAN = 1_000_000;
const YI = 10_000_000_000;

/** Up to 2 decimals with trailing zeros dropped, or undefined when more would be needed. */
function inUnit(fen: number, unitFen: number): string | undefined {
  if ((fen * 100) % unitFen !== 0) return undefined;
  const hundredths = (fen * 100) / unitFen;
  const text = (hundredths / 100).toFixed(2);
  return text.replace(/\.?0+$/, '');
}

/**
 * 分 → prose money: "105万元", "8.3万元", "3.05万元", "1亿元", "83620元", "1135.5元". An amount that
 * would need more than 2 decimals in 万元 prints as exact 元, or, in rounded mode, floors to 2
 * decimals with 余 ("8.36万余元").
 */
export function formatMoneyProse(amountFen: number, mode: 'exact' | 'rounded' = 'exact'): string {
  const fen = Math.round(amountFen);
  const big = fen >= YI ? { unit: YI, word: '亿元' } : fen >= WAN ? { unit: WAN, word: '万元' } : undefined;
  if (big) {
    const exact = inUnit(fen, big.unit);
    if (exact !== undefined) return `${exact}${big.word}`;
    if (mode === 'rounded') {
      const floored = Math.floor((fen * 100) / big.unit) / 100;
      return `${String(floored)}${big.word.slice(0, 1)}余${big.word.slice(1)}`;
    }
  }
  return `${formatMoney(fen, 'yuan')}元`;
}

/** A money figure with a qualifier, entered in 万元 ("3万多元", "8.3万余元"); exact ones as formatMoneyProse. */
export function formatMoneyQty(qty: Qty): string {
  const fen = Math.round(qty.value * WAN);
  if (qty.qualifier === 'exact') return formatMoneyProse(fen);
  return formatQty({ value: fen / YUAN, qualifier: qty.qualifier }, '元');
}

/** Prose drops trailing zeros (231.11%, 100%, 50.5%); tables always show 2 decimals. */
export const formatPercentProse = (p: number): string => `${Number(p.toFixed(2))}%`;
export const formatPercentTable = (p: number): string => `${p.toFixed(2)}%`;

/** "2020-12-30" → "2020年12月30日" (Arabic numerals, no leading zeros). */
export function chineseDate(iso: string, withYear = true): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${withYear ? `${y}年` : ''}${m}月${d}日`;
}

/** "5月19日—25日" within a month, "5月28日—6月3日" across months (em dash). */
export function chineseDateRange(from: string, to: string): string {
  const [, m1, d1] = from.split('-').map(Number);
  const [, m2, d2] = to.split('-').map(Number);
  if (from === to) return `${m1}月${d1}日`;
  return m1 === m2 ? `${m1}月${d1}日—${d2}日` : `${m1}月${d1}日—${m2}月${d2}日`;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: ordinals and headings. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`no numeral for ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The numbering of each heading level (DOMAIN §5.4): 一、 （一） 1. （1）, and points 一是. */
export const numbering = {
  part: (i: number) => `${chineseNumeral(i)}、`,
  section: (i: number) => `（${chineseNumeral(i)}）`,
  item: (i: number) => `${i}.`,
  subitem: (i: number) => `（${i}）`,
  point: (i: number) => `${chineseNumeral(i)}是`,
};
