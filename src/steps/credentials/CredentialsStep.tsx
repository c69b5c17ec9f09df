import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { FieldError } from '../../flow/state';
import { guidanceFor, type GuidanceOverrides } from '../../guidance';
import { useLanguage, useMessages, useUiMessages } from '../../i18n';
import { Alert, Button, ExternalLink, Screen, withBank } from '../../ui';

export interface Credentials {
  username: string;
  password: string;
}

export interface CredentialsStepProps {
  bankName: string | null;
  /** Where "forgot password?" leads; no link without it. */
  bankWebsite: string | null;
  /** Kept from the last try, so only the password is typed again. */
  defaultUsername: string;
  /** What the bank said about the last try, on the field(s) it concerns. */
  error: FieldError | null;
  guidanceOverrides?: GuidanceOverrides;
  onSubmit(credentials: Credentials): void;
  /** The person is on the form (a field took focus): time to fetch what the next screens need. */
  onEngage?(): void;
}

/** Which fields a submit found empty. */
type Missing = Readonly<Record<keyof Credentials, boolean>>;

const FIELDS = ['username', 'password'] as const;

function fieldOf(form: HTMLFormElement, name: keyof Credentials): HTMLInputElement | null {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement ? field : null;
}

/** A username needs more than spaces; a password, anything. */
function missingIn(form: HTMLFormElement): Missing {
  return {
    username: (fieldOf(form, 'username')?.value.trim() ?? '') === '',
    password: (fieldOf(form, 'password')?.value ?? '') === '',
  };
}

/**
 * The sign-in form. Uncontrolled, with no form library (the first screen loads faster without one): the password
 * lives in the input only, and leaves it once, in the submit. A fresh screen after each try starts with an empty
 * password. Empty fields are flagged on submit, and re-checked as the person types until fixed.
 */
export function CredentialsStep({
  bankName,
  bankWebsite,
  defaultUsername,
  error,
  guidanceOverrides,
  onSubmit,
  onEngage,
}: CredentialsStepProps) {
  const messages = useUiMessages();
  const m = messages.ui.credentials;
  const id = useId();
  const [passwordShown, setPasswordShown] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  // null until the first submit: nothing is flagged before the person tries.
  const [missing, setMissing] = useState<Missing | null>(null);

  const serverErrorId = `${id}-server-error`;
  const onUsername = error !== null && error.field !== 'password';
  const onPassword = error !== null && error.field !== 'username';

  const usernameMissing = missing?.username ?? false;
  const passwordMissing = missing?.password ?? false;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const found = missingIn(form);
    setMissing(found);
    const first = FIELDS.find((name) => found[name]);
    if (first) {
      fieldOf(form, first)?.focus();
      return;
    }
    const value = (name: keyof Credentials) => fieldOf(form, name)?.value ?? '';
    onSubmit({ username: value('username').trim(), password: value('password') });
  }

  // After a submit, a flag clears (or returns) as the person types; a keystroke that changes nothing renders nothing.
  function recheck(event: FormEvent<HTMLFormElement>) {
    if (missing === null) return;
    const found = missingIn(event.currentTarget);
    if (found.username !== missing.username || found.password !== missing.password) setMissing(found);
  }

  const describe = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;

  const watchCapsLock = (event: KeyboardEvent<HTMLInputElement>) =>
    setCapsLock(event.getModifierState('CapsLock'));

  return (
    <Screen title={withBank(m.title, bankName, messages)}>
      <p>{withBank(m.intro, bankName, messages)}</p>
      <form className="cw-form" noValidate onFocus={onEngage} onInput={recheck} onSubmit={submit}>
        {error && (
          <ServerError
            id={serverErrorId}
            error={error}
            bankName={bankName}
            {...(guidanceOverrides ? { overrides: guidanceOverrides } : {})}
          />
        )}
        <div className="cw-field">
          <label className="cw-label" htmlFor={`${id}-username`}>
            {m.username}
          </label>
          <input
            id={`${id}-username`}
            className="cw-input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            aria-invalid={usernameMissing || onUsername || undefined}
            aria-describedby={describe(
              usernameMissing && `${id}-username-missing`,
              onUsername && serverErrorId,
            )}
            name="username"
            defaultValue={defaultUsername}
          />
          {usernameMissing && (
            <p className="cw-field-error" id={`${id}-username-missing`} role="alert">
              {m.required.username}
            </p>
          )}
        </div>
        <div className="cw-field">
          <label className="cw-label" htmlFor={`${id}-password`}>
            {m.password}
          </label>
          <div className="cw-password">
            <input
              id={`${id}-password`}
              className="cw-input"
              type={passwordShown ? 'text' : 'password'}
              autoComplete="current-password"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={passwordMissing || onPassword || undefined}
              aria-describedby={describe(
                passwordMissing && `${id}-password-missing`,
                onPassword && serverErrorId,
                capsLock && `${id}-caps`,
              )}
              onKeyDown={watchCapsLock}
              onKeyUp={watchCapsLock}
              name="password"
            />
            <button
              type="button"
              className="cw-button cw-button--quiet cw-password-toggle"
              aria-pressed={passwordShown}
              aria-controls={`${id}-password`}
              onClick={() => setPasswordShown((shown) => !shown)}
            >
              {m.showPassword}
            </button>
          </div>
          {passwordMissing && (
            <p className="cw-field-error" id={`${id}-password-missing`} role="alert">
              {m.required.password}
            </p>
          )}
          <p className="cw-hint" id={`${id}-caps`} aria-live="polite">
            {capsLock ? m.capsLock : null}
          </p>
          {bankWebsite && <ExternalLink href={bankWebsite}>{m.forgotPassword}</ExternalLink>}
        </div>
        <p className="cw-muted">{withBank(m.privacy, bankName, messages)}</p>
        <Button type="submit">{m.submit}</Button>
      </form>
    </Screen>
  );
}

/**
 * What the bank said about the last try. Its words are in the later screens' text, which is in by then (it loads
 * while the sign-in is on its way); until it is, the step waits under the widget's loading message.
 */
function ServerError({
  id,
  error,
  bankName,
  overrides,
}: {
  id: string;
  error: FieldError;
  bankName: string | null;
  overrides?: GuidanceOverrides;
}) {
  const messages = useMessages();
  const language = useLanguage();
  const text = guidanceFor(error.code, messages, {
    language,
    ...(bankName ? { bank: bankName } : {}),
    ...(overrides ? { overrides } : {}),
    ...(error.variant ? { variant: error.variant } : {}),
  });
  return (
    <Alert id={id}>
      <strong className="cw-alert-title">{text.title}</strong> {text.body}
    </Alert>
  );
}
