// The Content-Security-Policy for the renderer, used by the HTTP transport, Electron's session and index.html.
// Styles allow 'unsafe-inline' because the rich-text editor sets inline styles; scripts never do.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Header carrying the per-run token of the HTTP transport. */
export const TOKEN_HEADER = 'x-gloss-token';
