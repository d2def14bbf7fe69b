/**
 * Input clean-up shared by the identifier validators. Excel cells and copy-paste bring full-width
 * characters, NBSP and zero-width characters (DOMAIN.md §7); none of them belongs in an identifier.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const SPACE_LIKE = /[\s\u200B-\u200D\u2060]/g;

const shift = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Full-width ASCII forms (Ａ, １, （ …) to their ASCII twins. */
export const toHalfWidth = (s: string): string => s.replace(FULL_WIDTH, shift);

/** Full-width digits only, for text whose other full-width characters (（）) are meaningful. */
export const toHalfWidthDigits = (s: string): string => s.replace(FULL_WIDTH_DIGIT, shift);

/** Removes every whitespace, NBSP and zero-width character, inside the text too. */
export const stripSpaces = (s: string): string => s.replace(SPACE_LIKE, '');

/** The form every code-like identifier is checked in: no spaces, ASCII, upper case. */
export const normalizeCode = (s: string): string => stripSpaces(toHalfWidth(s)).toUpperCase();
