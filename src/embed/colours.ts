import type { Theme } from './params';

/**
 * `backgroundColor` and `foregroundColor1` (Flinks Connect's colour parameters) as the widget's theme tokens, with
 * WCAG AA contrast kept: every text/background pair the tokens make stays at 4.5:1 or more. A colour that would fail
 * is adjusted (darkened or lightened step by step, toward the colour that contrasts) and the developer is told why.
 */

export const AA_CONTRAST = 4.5;

/** The theme's own colours the custom ones are measured against (the values of widget.css). */
const THEME_COLOURS: Record<Theme, { text: string; surface: string; danger: string }> = {
  light: { text: '#1b1f24', surface: '#ffffff', danger: '#b42318' },
  dark: { text: '#e6edf3', surface: '#161b22', danger: '#ff8b82' },
};

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function hexOf(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on `background` (always at least 4.5:1). */
export function readableOn(background: string): string {
  return contrast('#000000', background) >= contrast('#ffffff', background) ? '#000000' : '#ffffff';
}

/**
 * `colour`, moved toward black or white (whichever contrasts more with `against`) in small steps until the pair
 * reaches 4.5:1. The hue stays as close to the partner's as AA allows.
 */
export function adjustToContrast(colour: string, against: string): string {
  if (contrast(colour, against) >= AA_CONTRAST) return colour;
  const target = rgbOf(readableOn(against));
  const start = rgbOf(colour);
  for (let step = 1; step <= 20; step += 1) {
    const mix = step / 20;
    const candidate = hexOf(start.map((channel, i) => channel + (target[i]! - channel) * mix) as Rgb);
    if (contrast(candidate, against) >= AA_CONTRAST) return candidate;
  }
  return hexOf(target);
}

/** The CSS custom properties the colours become, and what was changed to keep AA, for the developer. */
export interface ColourTokens {
  tokens: Record<string, string>;
  notes: string[];
}

/**
 * The widget's tokens for the partner's colours. `backgroundColor` paints the page and the card; text turns black or
 * white when the theme's own would fall below 4.5:1 on it. `foregroundColor1` is the accent (buttons, links, focus);
 * it is adjusted when it would fall below 4.5:1 on the background, and button labels take black or white.
 */
export function colourTokens(
  colours: { backgroundColor?: string; foregroundColor1?: string },
  theme: Theme,
): ColourTokens {
  const tokens: Record<string, string> = {};
  const notes: string[] = [];
  const surface = colours.backgroundColor ?? THEME_COLOURS[theme].surface;
  if (colours.backgroundColor) {
    tokens['--cw-color-bg'] = surface;
    tokens['--cw-color-surface'] = surface;
    const themeText = THEME_COLOURS[theme].text;
    const ratio = contrast(themeText, surface);
    const text = ratio < AA_CONTRAST ? readableOn(surface) : themeText;
    if (text !== themeText) {
      notes.push(
        `backgroundColor ${surface} gives the ${theme} theme's text (${themeText}) a contrast of ${ratio.toFixed(2)}:1, below WCAG AA's 4.5:1: text is ${text} instead.`,
      );
    }
    // Secondary text and field borders follow the main text; the error colour keeps its hue where AA allows.
    tokens['--cw-color-text'] = text;
    tokens['--cw-color-muted'] = text;
    tokens['--cw-color-border'] = text;
    tokens['--cw-color-danger'] = adjustToContrast(THEME_COLOURS[theme].danger, surface);
  }
  if (colours.foregroundColor1) {
    const wanted = colours.foregroundColor1;
    const accent = adjustToContrast(wanted, surface);
    if (accent !== wanted) {
      notes.push(
        `foregroundColor1 ${wanted} has a contrast of ${contrast(wanted, surface).toFixed(2)}:1 on ${surface}, below WCAG AA's 4.5:1: the accent is ${accent} instead.`,
      );
    }
    tokens['--cw-color-accent'] = accent;
    tokens['--cw-color-focus'] = accent;
    tokens['--cw-color-accent-text'] = readableOn(accent);
  }
  return { tokens, notes };
}
