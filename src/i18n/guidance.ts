import {
  resolveGuidance,
  type GuidanceAction,
  type GuidanceOptions,
  type GuidanceVariant,
  type ResolvedGuidance,
} from '../guidance';
import type { Messages } from './catalog';
import { format } from './format';
import { useLanguage, useMessages, useText } from './context';
import { loadMessages } from './registry';
import { fillTokens, useTokens } from './tokens';
import type { Language } from './types';

/** What `guidanceFor` needs besides the code. */
export interface GuidanceTextOptions extends GuidanceOptions {
  /** The institution's display name, in place of `{bank}`; without it, the catalog's "your bank". */
  bank?: string | undefined;
}

/**
 * The guidance screen of a code, in words, for code outside the widget (a support tool, a server log): the language's
 * text is fetched if it is not in yet.
 *
 * @example
 * const { title, body } = await guidanceFor('INVALID_PASSWORD', { language: 'fr', bank: 'Desjardins' });
 */
export async function guidanceFor(code: string, options: GuidanceTextOptions): Promise<ResolvedGuidance> {
  return guidanceText(code, await loadMessages(options.language), options);
}

/** `guidanceFor` with the catalog at hand. */
export function guidanceText(
  code: string,
  messages: Messages,
  options: GuidanceTextOptions = { language: 'en' },
): ResolvedGuidance {
  const resolved = resolveGuidance(code, messages.guidance, options);
  const fill = (text: string) => fillTokens(text, options.bank, messages.ui.widget.yourBank);
  return { ...resolved, title: fill(resolved.title), body: fill(resolved.body) };
}

/** The screen of `code` in the widget's language, with its bank and the integrator's overrides. */
export function useGuidance(code: string, variant?: GuidanceVariant | null): ResolvedGuidance {
  const messages = useMessages();
  const language: Language = useLanguage();
  const { guidanceOverrides } = useTokens();
  const text = useText();
  const resolved = resolveGuidance(code, messages.guidance, {
    language,
    overrides: guidanceOverrides,
    variant,
  });
  return { ...resolved, title: text(resolved.title), body: text(resolved.body) };
}

/** The label of an action button or link, with `{bank}` filled. */
export function actionLabel(action: GuidanceAction, messages: Messages, bank?: string): string {
  return fillTokens(messages.guidance.actions[action], bank, messages.ui.widget.yourBank);
}

/**
 * The small print under a guidance or error screen's buttons: "Support reference: 8c2f41d0", the RequestId's first 8
 * characters. Never the code, which is the developer's (ERROR, `onExit`). Null without a RequestId: nothing to refer to.
 */
export function referenceText(requestId: string | null | undefined, messages: Messages): string | null {
  return requestId ? format(messages.guidance.reference, { ref: requestId.slice(0, 8) }) : null;
}
