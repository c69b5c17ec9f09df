/**
 * A logo address the widget may show: an inline image or a path on the widget's own server, the only ones its CSP
 * lets load (`img-src 'self' data:`); anything else (another site, `javascript:`) is left out and the monogram shows.
 */
export function usableLogo(value: unknown): string | undefined {
  return typeof value === 'string' &&
    value.length <= 20_000 &&
    /^(data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]|\/[^/\\])/.test(value)
    ? value
    : undefined;
}
