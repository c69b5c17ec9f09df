import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { GuidanceOverrides } from '../guidance/types';
import { format } from './format';

/** Values every text of the widget may use, set once for the whole widget rather than passed to each screen. */
interface Tokens {
  /** The bank's display name, or null before it is known. */
  bank: string | null;
  guidanceOverrides: GuidanceOverrides | undefined;
}

const TokensContext = createContext<Tokens>({ bank: null, guidanceOverrides: undefined });

/**
 * Sets the tokens of the texts below: `{bank}` becomes `bank`, or the catalog's "your bank" while it is unknown.
 * @example <TextTokens bank="Desjardins"><CredentialsStep … /></TextTokens>
 */
export function TextTokens({
  bank,
  guidanceOverrides,
  children,
}: {
  bank: string | null;
  guidanceOverrides?: GuidanceOverrides | undefined;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ bank, guidanceOverrides }), [bank, guidanceOverrides]);
  return <TokensContext.Provider value={value}>{children}</TokensContext.Provider>;
}

export function useTokens(): Tokens {
  return useContext(TokensContext);
}

/**
 * Fills `{bank}` and `values`. A real name is used as given; the stand-in ("your bank") takes a capital where it
 * starts a sentence, and only there.
 */
export function fillTokens(
  template: string,
  bank: string | null | undefined,
  standIn: string,
  values: Record<string, string | number> = {},
): string {
  const filled = format(template, values);
  if (bank) return format(filled, { bank });
  const capitalized = standIn.charAt(0).toLocaleUpperCase() + standIn.slice(1);
  return filled.replace(/(?<=^|[.?!]\s+)\{bank\}/g, capitalized).replaceAll('{bank}', standIn);
}
