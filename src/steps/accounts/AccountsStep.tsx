import { useId, useState, type FormEvent } from 'react';
import type { Account } from '../../api/types';
import { format, useLanguage, useMessages, useText } from '../../i18n';
import { Alert, Button, Screen } from '../../ui';

export interface AccountsStepProps {
  accounts: Account[];
  customerName: string | null;
  onSelect(accountId: string): void;
}

/** Which account the business should use (`accountSelectorEnable`). */
export function AccountsStep({ accounts, customerName, onSelect }: AccountsStepProps) {
  const messages = useMessages();
  const m = messages.screens.accounts;
  const language = useLanguage();
  const text = useText();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen === null) {
      setMissing(true);
      return;
    }
    onSelect(chosen);
  }

  return (
    <Screen title={m.title}>
      <p>{customerName ? format(m.intro, { customer: customerName }) : m.introAnonymous}</p>
      <form className="cw-form" noValidate onSubmit={submit}>
        <fieldset
          className="cw-fieldset"
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-missing` : undefined}
        >
          <legend className="cw-label">{text(m.legend)}</legend>
          {accounts.map((account) => (
            <label key={account.Id} className="cw-option">
              <input
                type="radio"
                name={`${id}-account`}
                value={account.Id}
                checked={chosen === account.Id}
                onChange={() => {
                  setChosen(account.Id);
                  setMissing(false);
                }}
              />
              <span className="cw-option-text">
                <span className="cw-option-title">{account.Title}</span>
                <span className="cw-muted">
                  {format(m.number, { digits: account.AccountNumber.slice(-4) })}
                </span>
                {account.Balance.Current !== null && (
                  <span className="cw-muted">
                    {format(m.balance, {
                      amount: money(account.Balance.Current, account.Currency, language),
                    })}
                  </span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        {missing && <Alert id={`${id}-missing`}>{m.required}</Alert>}
        <Button type="submit">{m.submit}</Button>
      </form>
    </Screen>
  );
}

function money(amount: number, currency: string, language: 'en' | 'fr'): string {
  try {
    return new Intl.NumberFormat(`${language}-CA`, { style: 'currency', currency }).format(amount);
  } catch {
    return new Intl.NumberFormat(`${language}-CA`, { minimumFractionDigits: 2 }).format(amount);
  }
}
