import { isKnownFlinksCode } from '../api/codes';
import type { Language } from '../i18n/types';
import {
  GUIDANCE,
  GUIDANCE_VARIANT_ENTRIES,
  GUIDANCE_VARIANTS,
  type GuidanceCode,
  type GuidanceVariant,
} from './map';
import type { GuidanceEntry, GuidanceOverrides, GuidanceText, ResolvedGuidance } from './types';

export { ACTION_PLACES, GUIDANCE, GUIDANCE_VARIANTS } from './map';
export type { GuidanceCode, GuidanceVariant } from './map';
export type * from './types';

/** The texts of every guidance screen in one language: the `guidance` namespace of the catalog. */
export interface GuidanceTexts {
  codes: Readonly<Record<GuidanceCode, GuidanceText>>;
  variants: Readonly<Record<GuidanceVariant, GuidanceText>>;
}

export interface GuidanceOptions {
  /** Picks the integrator's overrides for this language. */
  language: Language;
  overrides?: GuidanceOverrides | undefined;
  /**
   * A situation with its own screen: `reconnect` (INVALID_LOGIN on a saved LoginId), `lastTry`
   * (INVALID_SECURITY_RESPONSE with one try left), `offline` (NETWORK_ERROR while offline), `sessionEnded`
   * (ACCESS_DENIED when the connect session ended).
   * Ignored for any other code. A variant's text comes from the catalog; overrides apply to the usual screen.
   */
  variant?: GuidanceVariant | null | undefined;
}

/** The map entry of any code: its own, or the `UNKNOWN` one for a code this widget doesn't know. */
export function guidanceKeyFor(code: string): GuidanceCode {
  return isKnownFlinksCode(code) ? code : 'UNKNOWN';
}

/** The map entry of a code, or of its variant when that variant applies to the code and acts differently. */
export function guidanceEntryFor(code: string, variant?: GuidanceVariant | null): GuidanceEntry {
  const key = guidanceKeyFor(code);
  const own = variant && GUIDANCE_VARIANTS[variant] === key ? GUIDANCE_VARIANT_ENTRIES[variant] : undefined;
  return own ?? GUIDANCE[key];
}

/**
 * What a screen shows for a code, with its tokens (`{bank}`) still to fill by the i18n layer.
 * Each of title and body comes from, in order: the integrator's override for this code, the catalog entry of a
 * known code; for any other code, the override for `UNKNOWN`, then the catalog's `UNKNOWN` screen.
 * `code` always stays the one received.
 */
export function resolveGuidance(
  code: string,
  texts: GuidanceTexts,
  options: GuidanceOptions,
): ResolvedGuidance {
  const key = guidanceKeyFor(code);
  const variant = options.variant;
  const variantText = variant && GUIDANCE_VARIANTS[variant] === key ? texts.variants[variant] : undefined;
  if (variantText) return { code, entry: guidanceEntryFor(code, variant), ...variantText };

  const overrides = options.overrides?.[options.language];
  const ownOverride = overrides?.[code];
  const unknownOverride = key === 'UNKNOWN' ? overrides?.UNKNOWN : undefined;
  const base = texts.codes[key];
  return {
    code,
    entry: GUIDANCE[key],
    title: ownOverride?.title ?? unknownOverride?.title ?? base.title,
    body: ownOverride?.body ?? unknownOverride?.body ?? base.body,
  };
}

/** The support reference: the code and the first 8 characters of the RequestId ("NEW_ACCOUNT · 8c2f41d0"). */
export function referenceFor(code: string, requestId?: string | null): string {
  return requestId ? `${code} · ${requestId.slice(0, 8)}` : code;
}
