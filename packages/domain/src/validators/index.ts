export * from './types.js';
export { normalizeCode, stripSpaces, toHalfWidth, toHalfWidthDigits } from './normalize.js';
export * from './uscc.js';
export * from './resident-id.js';
export * from './patent-no.js';
export * from './division-code.js';
export * from './towns.js';
export * from './doc-no.js';
