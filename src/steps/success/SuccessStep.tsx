import type { ConnectedAccount } from '../../flow/state';
import { useMessages, useText } from '../../i18n';
import { Actions, Button, Screen } from '../../ui';
import './success.css';

/** Accounts named one by one; beyond them, how many more. */
const NAMED_ACCOUNTS = 3;

export interface SuccessStepProps {
  /** What was connected; none known when the person finished before the bank sent its data. */
  accounts?: readonly ConnectedAccount[];
  /** The partner the person goes back to ("Continue to Acme"); a plain "Done" without it. */
  customerName?: string | null;
  /** Ends the flow for the host (COMPONENT_CLOSE_SESSION and `onExit`, after `onSuccess`). */
  onContinue?(): void;
}

/** The connection is done: what was connected, at which bank, and one way back to the partner. */
export function SuccessStep({ accounts = [], customerName = null, onContinue }: SuccessStepProps) {
  const m = useMessages().screens.success;
  const text = useText();
  const named = accounts.slice(0, NAMED_ACCOUNTS);
  const more = accounts.length - named.length;
  return (
    <Screen title={m.title} className="cw-screen--success">
      <SuccessMark />
      {accounts.length === 0 && <p>{text(m.body)}</p>}
      {accounts.length === 1 && named[0] && (
        <p>
          {text(m.oneAccount, {
            account: `${named[0].name}${named[0].digits ? ` ••${named[0].digits}` : ''}`,
          })}
        </p>
      )}
      {accounts.length > 1 && (
        <>
          <p>{text(m.severalAccounts, { count: accounts.length })}</p>
          <ul className="cw-connected">
            {named.map((account, index) => (
              <li key={index}>
                {account.name}
                {account.digits && (
                  <>
                    {' '}
                    <span aria-hidden="true">••</span>
                    <span className="cw-visually-hidden">{m.endingIn} </span>
                    {account.digits}
                  </>
                )}
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
