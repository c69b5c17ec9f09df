/** The image formats a challenge image may be shown in: raster formats a browser renders without running anything. */
export type ChallengeImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

export interface ChallengeImage {
  mime: ChallengeImageMime;
  /** A `data:` URI built from the sniffed type, never from the type the sender declared. */
  src: string;
  /** The bank's own words for the picture, from a PNG's `Description` text chunk, when it sends one. */
  description?: string;
}

/** Longest description kept: a label, not a document. */
const DESCRIPTION_CHARS = 120;

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
  if (!signature) return null;
  const image: ChallengeImage = { mime: signature.mime, src: `data:${signature.mime};base64,${payload}` };
  const description = signature.mime === 'image/png' ? pngDescription(payload) : null;
  return description ? { ...image, description } : image;
}

/**
 * The PNG's `Description` (a keyword of the PNG specification) from its `tEXt` chunk, as plain text: how a bank can
 * describe a picture inside the image it already sends. Null without one, or when the chunks do not add up.
 */
function pngDescription(payload: string): string | null {
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(payload), (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
  const view = new DataView(bytes.buffer);
  const latin1 = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = latin1(at + 4, at + 8);
    const start = at + 8;
    if (start + length > bytes.length || type === 'IDAT' || type === 'IEND') return null;
    if (type === 'tEXt') {
      const data = bytes.subarray(start, start + length);
      const separator = data.indexOf(0);
      if (separator > 0 && latin1(start, start + separator) === 'Description') {
        // Printable text only: no control characters, no markup reaches the label (React escapes it anyway).
        const text = latin1(start + separator + 1, start + length)
          .replace(/\p{Cc}+/gu, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        return text === '' ? null : text.slice(0, DESCRIPTION_CHARS);
      }
    }
    at = start + length + 4;
  }
  return null;
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
