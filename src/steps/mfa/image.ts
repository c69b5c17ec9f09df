/** The image formats a challenge image may be shown in: raster formats a browser renders without running anything. */
export type ChallengeImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export interface ChallengeImage {
  mime: ChallengeImageMime;
  /** A `data:` URI built from the sniffed type, never from the type the sender declared. */
  src: string;
}

const DATA_URI = /^data:([^,]*),(.*)$/is;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** 16 base64 characters decode to 12 bytes: enough for the longest signature (WebP). */
const HEADER_CHARS = 16;

const SIGNATURES: ReadonlyArray<{ mime: ChallengeImageMime; matches(bytes: number[]): boolean }> = [
  { mime: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/gif', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  {
    mime: 'image/webp',
    matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b.slice(8), ascii('WEBP')),
  },
];

/**
 * Recognises a challenge image by its first bytes (magic numbers), whatever it claims to be.
 * Accepts raw base64 (as Flinks sends it) or a base64 `data:` URI; anything else is refused.
 *
 * @example sniffImage('iVBORw0KGgo...') // { mime: 'image/png', src: 'data:image/png;base64,iVBORw0KGgo...' }
 */
export function sniffImage(encoded: string): ChallengeImage | null {
  const payload = base64Payload(encoded);
  if (payload === null) return null;
  const bytes = decodeHeader(payload);
  const signature = SIGNATURES.find((candidate) => candidate.matches(bytes));
  return signature ? { mime: signature.mime, src: `data:${signature.mime};base64,${payload}` } : null;
}

/** The standard, padded base64 inside `encoded`, or null when it is not base64. */
function base64Payload(encoded: string): string | null {
  let body = encoded.trim();
  const dataUri = DATA_URI.exec(body);
  if (dataUri) {
    const parameters = (dataUri[1] ?? '').toLowerCase().split(';');
    if (!parameters.includes('base64')) return null;
    body = dataUri[2] ?? '';
  }
  // Some encoders wrap lines or use the URL-safe alphabet and drop the padding.
  body = body.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (body.length % 4 === 1) return null;
  body = body.padEnd(Math.ceil(body.length / 4) * 4, '=');
  return body.length > 0 && BASE64.test(body) ? body : null;
}

function decodeHeader(payload: string): number[] {
  // The payload is padded and HEADER_CHARS is a multiple of 4, so the slice is itself valid base64.
  const binary = atob(payload.slice(0, HEADER_CHARS));
  return Array.from(binary, (character) => character.charCodeAt(0));
}

function startsWith(bytes: number[], prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(text: string): number[] {
  return Array.from(text, (character) => character.charCodeAt(0));
}
