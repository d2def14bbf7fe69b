import type { ThemeConfig } from 'antd';

/** A sober government blue; compact radii and a denser table suit long back-office lists. */
export const BRAND_BLUE = '#1d4fa3';

/**
 * Chinese fonts named explicitly: with `<html lang="en">` the browser's generic fallback for Han
 * characters changes (often to a serif or Japanese face), and names stay Chinese in English mode.
 */
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'WenQuanYi Micro Hei'",
  'Roboto',
  "'Helvetica Neue'",
  'Arial',
  'sans-serif',
].join(', ');

export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a56', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { darkItemBg: '#0f2a56', darkSubMenuItemBg: '#0b2148', darkItemSelectedBg: BRAND_BLUE },
    Table: { headerBg: '#f5f7fb' },
  },
};
