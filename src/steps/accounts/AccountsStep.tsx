import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Account } from '../../api/types';
import { format, useLanguage, useMessages, useText, type Language } from '../../i18n';
import { Alert, Button, Screen } from '../../ui';
import '../../ui/options.css';

export interface AccountsStepProps {
  accounts: Account[];
  customerName: string | null;
  onSelect(accountId: string): void;
  /**
   * With `accountSelectorMultiple`: the person may choose several accounts (checkboxes), and this is called once
   * with every chosen one, in the list's order.
   */
  onSelectMany?(accountIds: string[]): void;
  /** `accountSelectorNoTitle`: the title is hidden from view. */
  hideTitle?: boolean;
}

/** From this many accounts on, the several-accounts list starts with "select all". */
const LONG_LIST = 4;

/** Which account(s) the business should use (`accountSelectorEnable`, `accountSelectorMultiple`). */
export function AccountsStep({
  accounts,
  customerName,
  onSelect,
  onSelectMany,
  hideTitle,
}: AccountsStepProps) {
  const messages = useMessages();
  const multiple = onSelectMany !== undefined;
  const m = messages.screens.accounts;
  const several = messages.options.accounts;
  const text = useText();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [missing, setMissing] = useState(false);

  function choose(ids: Iterable<string>) {
    setChosen(new Set(ids));
    setMissing(false);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ids = accounts.map((account) => account.Id).filter((accountId) => chosen.has(accountId));
    const first = ids[0];
    if (first === undefined) {
      setMissing(true);
      return;
    }
    if (onSelectMany) onSelectMany(ids);
    else onSelect(first);
  }

  const titles = multiple ? several : m;
  // The title asks the question and names the partner: no intro says it again.
  const title = customerName ? format(titles.title, { customer: customerName }) : titles.titleAnonymous;
  const missingId = `${id}-missing`;

  return (
    <Screen title={title} hideTitle={hideTitle}>
      <form className="cw-form" noValidate onSubmit={submit} onKeyDown={submitOnEnter}>
        <fieldset
          className="cw-fieldset"
          aria-invalid={missing || undefined}
          aria-describedby={missing ? missingId : undefined}
        >
          <legend className="cw-label">{text(m.legend)}</legend>
          {multiple && accounts.length >= LONG_LIST && (
            <SelectAll
              label={several.selectAll}
              chosen={chosen.size}
              total={accounts.length}
              onChange={(all) => choose(all ? accounts.map((account) => account.Id) : [])}
            />
          )}
          {accounts.map((account) => (
            <label key={account.Id} className="cw-option">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`${id}-account`}
                value={account.Id}
                checked={chosen.has(account.Id)}
                onChange={(event) => {
                  if (!multiple) return choose([account.Id]);
                  const next = new Set(chosen);
                  if (event.currentTarget.checked) next.add(account.Id);
                  else next.delete(account.Id);
                  choose(next);
                }}
              />
              <AccountText account={account} />
            </label>
          ))}
        </fieldset>
        {missing && <Alert id={missingId}>{multiple ? several.required : m.required}</Alert>}
        <Button type="submit">{m.submit}</Button>
      </form>
    </Screen>
  );
}

/** "Select all": checked when every account is, mixed when some are (a checkbox's `indeterminate`). */
function SelectAll({
  label,
  chosen,
  total,
  onChange,
}: {
  label: string;
  chosen: number;
  total: number;
  onChange(all: boolean): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const mixed = chosen > 0 && chosen < total;
  useEffect(() => {
    if (input.current) input.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="cw-option cw-option--all">
      <input
        ref={input}
        type="checkbox"
        checked={chosen === total}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span className="cw-option-text">
        <span className="cw-option-title">{label}</span>
      </span>
    </label>
  );
}

function AccountText({ account }: { account: Account }) {
  const m = useMessages().screens.accounts;
  const language = useLanguage();
  return (
    <span className="cw-option-text">
      <span className="cw-option-title">{account.Title}</span>
      <span className="cw-muted">{format(m.number, { digits: account.AccountNumber.slice(-4) })}</span>
      {account.Balance.Current !== null && (
        <span className="cw-muted">
          {format(account.Category === 'Credits' ? m.owed : m.balance, {
            amount: money(account.Balance.Current, account.Currency, language),
          })}
        </span>
      )}
    </span>
  );
}

/** Browsers submit on Enter from a text field only: Enter on a radio or a checkbox submits here too. */
function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  const { target } = event;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || target.type === 'submit') return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}

function money(amount: number, currency: string, language: Language): string {
  try {
    return new Intl.NumberFormat(`${language}-CA`, { style: 'currency', currency }).format(amount);
  } catch {
    return new Intl.NumberFormat(`${language}-CA`, { minimumFractionDigits: 2 }).format(amount);
  }
}
