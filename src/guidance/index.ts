import { isKnownFlinksCode } from '../api/codes';
import { format } from '../i18n/format';
import type { Messages } from '../i18n/catalog';
import type { Language } from '../i18n/types';
import {
  GUIDANCE,
  GUIDANCE_VARIANT_ENTRIES,
  GUIDANCE_VARIANTS,
  type GuidanceCode,
  type GuidanceVariant,
} from './map';
import type {
  GuidanceAction,
  GuidanceEntry,
  GuidanceOverrides,
  GuidanceText,
  ResolvedGuidance,
} from './types';

export { GUIDANCE, GUIDANCE_VARIANTS } from './map';
export type { GuidanceCode, GuidanceVariant } from './map';
export type * from './types';

export interface GuidanceOptions {
  /** Picks the integrator's overrides for this language. */
  language: Language;
  overrides?: GuidanceOverrides;
  /** The institution's display name, in place of `{bank}`; without it, the catalog's "your bank". */
  bank?: string;
  /**
   * A situation with its own screen: `reconnect` (INVALID_LOGIN on a saved LoginId), `lastTry`
   * (INVALID_SECURITY_RESPONSE with one try left), `offline` (NETWORK_ERROR while offline), `sessionEnded`
   * (ACCESS_DENIED when the connect session ended).
   * Ignored for any other code. A variant's text comes from the catalog; overrides apply to the usual screen.
   */
  variant?: GuidanceVariant;
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

/** The codes that send the person back to the credential form with a field marked. */
export function isCredentialFieldCode(code: string): boolean {
  return guidanceEntryFor(code).kind === 'field';
}

/** The codes that count toward `maximumRetry` (wrong credentials or MFA answers). */
export function countsTowardRetryLimit(code: string): boolean {
  return guidanceEntryFor(code).retry.countsTowardLimit;
}

/**
 * What a screen shows for a code, in the language of `messages`.
 * Each of title and body comes from, in order: the integrator's override for this code, the catalog entry of a
 * known code; for any other code, the override for `UNKNOWN`, then the catalog's `UNKNOWN` screen.
 * `code` always stays the one received.
 *
 * @example
 * guidanceFor('INVALID_PASSWORD', messagesFor('fr'), { language: 'fr', bank: 'Desjardins' }).title
 */
export function guidanceFor(code: string, messages: Messages, options?: GuidanceOptions): ResolvedGuidance {
  const key = guidanceKeyFor(code);
  const texts = messages.guidance;
  const variant = options?.variant;
  const variantText = variant && GUIDANCE_VARIANTS[variant] === key ? texts.variants[variant] : undefined;

  let text: GuidanceText;
  if (variantText) {
    text = variantText;
  } else {
    const overrides = options ? options.overrides?.[options.language] : undefined;
    const ownOverride = overrides?.[code];
    const unknownOverride = key === 'UNKNOWN' ? overrides?.UNKNOWN : undefined;
    const base = texts.codes[key];
    text = {
      title: ownOverride?.title ?? unknownOverride?.title ?? base.title,
      body: ownOverride?.body ?? unknownOverride?.body ?? base.body,
    };
  }

  const bank = options?.bank;
  return {
    code,
    entry: guidanceEntryFor(code, variant),
    title: fillBank(text.title, bank, messages.ui.widget.yourBank),
    body: fillBank(text.body, bank, messages.ui.widget.yourBank),
  };
}

/** The label of an action button or link, with `{bank}` filled. */
export function actionLabel(action: GuidanceAction, messages: Messages, bank?: string): string {
  return fillBank(messages.guidance.actions[action], bank, messages.ui.widget.yourBank);
}

/** The support reference: the code and the first 8 characters of the RequestId ("NEW_ACCOUNT · 8c2f41d0"). */
export function referenceFor(code: string, requestId?: string | null): string {
  return requestId ? `${code} · ${requestId.slice(0, 8)}` : code;
}

/** The small print under a guidance screen: "Reference: NEW_ACCOUNT · 8c2f41d0". */
export function referenceText(
  code: string,
  requestId: string | null | undefined,
  messages: Messages,
): string {
  const texts = messages.guidance;
  return requestId
    ? format(texts.reference, { code, ref: requestId.slice(0, 8) })
    : format(texts.referenceWithoutRequest, { code });
}

/**
 * Fills `{bank}`. The stand-in ("your bank") starts with a capital where it starts a sentence;
 * a real name is used as given.
 */
function fillBank(template: string, bank: string | undefined, standIn: string): string {
  if (bank) return format(template, { bank });
  const capitalized = standIn.charAt(0).toLocaleUpperCase() + standIn.slice(1);
  return template.replace(/(?<=^|[.?!]\s+)\{bank\}/g, capitalized).replaceAll('{bank}', standIn);
}
