import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/steps/mfa/image';

/** Base64 of the given bytes followed by some padding bytes: only the header is sniffed. */
function base64Of(bytes: readonly number[], padding = 24): string {
  return btoa(String.fromCharCode(...bytes, ...new Array<number>(padding).fill(0)));
}

function asciiBytes(text: string): number[] {
  return Array.from(text, (character) => character.charCodeAt(0));
}

const PNG = base64Of([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const JPEG = base64Of([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...asciiBytes('JFIF')]);
const GIF87 = base64Of(asciiBytes('GIF87a'));
const GIF89 = base64Of(asciiBytes('GIF89a'));
const WEBP = base64Of([...asciiBytes('RIFF'), 0x24, 0x00, 0x00, 0x00, ...asciiBytes('WEBPVP8 ')]);
const WAVE = base64Of([...asciiBytes('RIFF'), 0x24, 0x00, 0x00, 0x00, ...asciiBytes('WAVEfmt ')]);
const SVG = btoa('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const HTML = btoa('<!doctype html><html><body><script>alert(1)</script></body></html>');

describe('sniffImage', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['GIF87a', GIF87, 'image/gif'],
    ['GIF89a', GIF89, 'image/gif'],
    ['WebP', WEBP, 'image/webp'],
  ])('accepts raw base64 %s and builds a data URI of its sniffed type', (_format, encoded, mime) => {
    expect(sniffImage(encoded)).toEqual({ mime, src: `data:${mime};base64,${encoded}` });
  });

  it.each([
    ['a PNG data URI', `data:image/png;base64,${PNG}`, 'image/png'],
    ['a data URI with parameters', `data:image/jpeg;name=face.jpg;base64,${JPEG}`, 'image/jpeg'],
    ['a data URI in upper case', `DATA:IMAGE/GIF;BASE64,${GIF89}`, 'image/gif'],
    ['a data URI whose declared type is wrong', `data:image/svg+xml;base64,${PNG}`, 'image/png'],
  ])('accepts %s, keeping the sniffed type only', (_case, encoded, mime) => {
    expect(sniffImage(encoded)?.mime).toBe(mime);
    expect(sniffImage(encoded)?.src).toMatch(new RegExp(`^data:${mime};base64,[A-Za-z0-9+/]+=*$`));
  });

  it('accepts base64 wrapped over lines and without padding', () => {
    const unpadded = PNG.replace(/=+$/, '');
    const wrapped = `${unpadded.slice(0, 10)}\n${unpadded.slice(10)}\n`;
    expect(sniffImage(wrapped)).toEqual({ mime: 'image/png', src: `data:image/png;base64,${PNG}` });
  });

  it.each([
    ['SVG (it can run script)', SVG],
    ['SVG as a data URI', `data:image/svg+xml;base64,${SVG}`],
    ['SVG text as a data URI', 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"></svg>'],
    ['HTML', HTML],
    ['HTML declared as PNG', `data:image/png;base64,${HTML}`],
    ['a data URI that is not base64', `data:image/png,${PNG}`],
    ['a RIFF file that is not WebP', WAVE],
    ['garbage', 'not an image at all!'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a truncated base64 quartet', 'iVBORw0KG'],
    ['the empty string', ''],
    ['whitespace', '   \n'],
  ])('refuses %s', (_case, encoded) => {
    expect(sniffImage(encoded)).toBeNull();
  });
});

/** A PNG whose chunks carry a tEXt `keyword`, as a bank would describe its picture (CRCs are not read). */
function pngWithText(keyword: string, text: string): string {
  const chunk = (type: string, data: number[]) => [
    ...[24, 16, 8, 0].map((shift) => (data.length >>> shift) & 0xff),
    ...asciiBytes(type),
    ...data,
    0,
    0,
    0,
    0,
  ];
  const header = chunk('IHDR', new Array<number>(13).fill(1));
  const described = chunk('tEXt', [...asciiBytes(keyword), 0, ...asciiBytes(text)]);
  return btoa(
    String.fromCharCode(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...header,
      ...described,
      ...chunk('IEND', []),
    ),
  );
}

describe('a challenge image’s description', () => {
  it('reads the bank’s words from a PNG Description text chunk', () => {
    expect(sniffImage(pngWithText('Description', 'A red triangle'))?.description).toBe('A red triangle');
  });

  it('ignores other keywords, images without one, and control characters', () => {
    expect(sniffImage(pngWithText('Author', 'Flinks'))?.description).toBeUndefined();
    expect(sniffImage(PNG)?.description).toBeUndefined();
    expect(sniffImage(pngWithText('Description', 'A\u0007 square\n'))?.description).toBe('A square');
  });
});
