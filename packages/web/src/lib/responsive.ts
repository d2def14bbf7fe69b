import type { Breakpoint } from 'antd';

/** Table columns marked with this are left out below 768 px, so phones keep the key columns. */
export const DESKTOP: Breakpoint[] = ['md'];
