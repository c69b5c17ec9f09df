import { format, type UiMessages } from '../i18n';

/** A title and its body as one message ("That answer doesn't match. Check it…"), without doubling punctuation. */
export function titleAndBody(title: string, body: string): string {
  return /[.?!…:]$/.test(title.trim()) ? `${title} ${body}` : `${title}. ${body}`;
}

/**
 * Fills `{bank}` with the bank's name or, before the bank is known, the catalog's "your bank"
 * (capitalized when it starts the text). Other placeholders are filled from `values`.
 */
export function withBank(
  template: string,
  bank: string | null,
  messages: UiMessages,
  values: Record<string, string | number> = {},
): string {
  if (bank) return format(template, { ...values, bank });
  const standIn = messages.ui.widget.yourBank;
  const text = format(template, { ...values, bank: standIn });
  return template.startsWith('{bank}') ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}
