import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets, worked out once at start: every answer carries the same ones, and
 * computing them per request (the Content-Security-Policy is parsed each time) showed in the hot
 * paths' profile.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)({} as never, response as never, (error?: unknown) => (failure = error));
  if (failure) throw failure instanceof Error ? failure : new Error('helmet refused the security header options');
  return headers;
}
