import type { Lang } from '@kjj/domain';
import dayjs from 'dayjs';

/** `2026-11-23T11:35:57Z` → local `2026-11-23 19:35`. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';

/** A calendar date as bureau documents write it: 2020年5月19日 (DOMAIN conventions); ISO in English. */
export function formatDate(date: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match || lang === 'en') return date;
  const [, y, m, d] = match;
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** `31400000.5` → `31,400,000.5`: groups the whole part of an exact decimal string. */
export function groupDigits(decimal: string): string {
  const [whole = '', frac] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
