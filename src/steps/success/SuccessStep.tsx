import type { Account } from '../../api/types';
import { useMessages, useText } from '../../i18n';
import { Actions, Button, Screen } from '../../ui';
import './success.css';

/** An account the success screen names: its title and the last digits of its number, nothing else. */
export interface ConnectedAccount {
  name: string;
  digits: string;
}

/** The accounts of a success, as the screen names them ("Chequing ••4685"). */
function connectedAccounts(accounts: readonly Account[]): ConnectedAccount[] {
  // Read defensively: a bank's answer may leave a field out.
  return accounts
    .map((account) => ({
      name: String(account.Title ?? '').trim(),
      digits: String(account.AccountNumber ?? '')
        .replace(/\D/g, '')
        .slice(-4),
    }))
    .filter((account) => account.name !== '');
}

/** Accounts named one by one; beyond them, how many more. */
const NAMED_ACCOUNTS = 3;

export interface SuccessStepProps {
  /** What was connected, as the bank sent it; none known when the person finished before the bank sent its data. */
  accounts?: readonly Account[];
  /** The partner the person goes back to ("Continue to Acme"); a plain "Done" without it. */
  customerName?: string | null;
  /** Ends the flow for the host (COMPONENT_CLOSE_SESSION and `onExit`, after `onSuccess`). */
  onContinue?(): void;
}

/** The connection is done: what was connected, at which bank, and one way back to the partner. */
export function SuccessStep({ accounts: sent = [], customerName = null, onContinue }: SuccessStepProps) {
  const m = useMessages().screens.success;
  const accounts = connectedAccounts(sent);
  const text = useText();
  const named = accounts.slice(0, NAMED_ACCOUNTS);
  const more = accounts.length - named.length;
  return (
    <Screen title={m.title} className="cw-screen--success">
      <SuccessMark />
      {accounts.length === 0 && <p>{text(m.body)}</p>}
      {accounts.length === 1 && named[0] && (
        <p>
          {text(m.oneAccount)
            .split('{account}')
            .map((part, index) =>
              index === 0 ? part : [<AccountName key={index} account={named[0]} />, part],
            )}
        </p>
      )}
      {accounts.length > 1 && (
        <>
          <p>{text(m.severalAccounts, { count: accounts.length })}</p>
          <ul className="cw-connected">
            {named.map((account, index) => (
              <li key={index}>
                <AccountName account={account} />
              </li>
            ))}
            {more > 0 && <li>{text(more === 1 ? m.oneMore : m.more, { count: more })}</li>}
          </ul>
        </>
      )}
      {onContinue && (
        <Actions>
          <Button onClick={onContinue}>
            {customerName ? text(m.continueTo, { customer: customerName }) : m.done}
          </Button>
        </Actions>
      )}
    </Screen>
  );
}

/**
 * An account as the bank names it, in the bank's words (their language unknown: `lang=""`), and its last digits: dots
 * on screen, "ending in" for a screen reader.
 */
function AccountName({ account }: { account: ConnectedAccount | undefined }) {
  const m = useMessages().screens.success;
  if (!account) return null;
  return (
    <>
      <span lang="">{account.name}</span>
      {account.digits && (
        <>
          {' '}
          <span aria-hidden="true">••</span>
          <span className="cw-visually-hidden">{m.endingIn} </span>
          {account.digits}
        </>
      )}
    </>
  );
}

function SuccessMark() {
  return (
    <svg className="cw-success-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <path
        d="M14 25l7 7 13-15"
        fill="none"
        stroke="var(--cw-color-surface)"
        strokeWidth="4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
