import { Fragment } from 'react';
import { useTokens } from '../i18n';

/** Longer names may wrap: kept whole, they could push a narrow screen sideways at large text sizes. */
const LONGEST_UNBROKEN = 16;

/**
 * A heading's text with the bank's name kept on one line ("Flinks Capital", never "Flinks / Capital"). The name is
 * wrapped in a span rather than given non-breaking spaces, so the heading's accessible name is the same text.
 */
export function KeepBankName({ text }: { text: string }) {
  const { bank } = useTokens();
  if (!bank || !/\s/.test(bank) || bank.length > LONGEST_UNBROKEN || !text.includes(bank)) return text;
  const parts = text.split(bank);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <span className="cw-nowrap">{bank}</span>}
      {part}
    </Fragment>
  ));
}
