/**
 * Per-tab request context the fetch wrapper needs on every call. Kept outside React so the client
 * stays a plain function; the shell updates it on login, /me, language switch and logout.
 */
let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';
let unauthenticatedHandler: (() => void) | undefined;

export const session = {
  csrfToken: (): string | null => csrfToken,
  setCsrfToken: (token: string | null): void => {
    csrfToken = token;
  },
  acceptLanguage: (): string => acceptLanguage,
  setAcceptLanguage: (value: string): void => {
    acceptLanguage = value;
  },
  /** Called when the server answers 401 to anything but the login and /me probes. */
  onUnauthenticated: (handler: () => void): void => {
    unauthenticatedHandler = handler;
  },
  signalUnauthenticated: (): void => unauthenticatedHandler?.(),
};
