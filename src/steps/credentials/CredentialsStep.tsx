import { useEffect, useId, useLayoutEffect, useState, type KeyboardEvent } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import type { FieldError } from '../../flow/state';
import { useUiMessages, useText } from '../../i18n';
import type { BankLinks } from '../../institutions/links';
import { Button, ExternalLink, Screen, unsentUntilLive, useFormLive } from '../../ui';
import { FieldServerNote, ServerError, ServerReference } from './serverAnswerLater';

export interface Credentials {
  username: string;
  password: string;
}

export interface CredentialsStepProps {
  /** Where "forgot password?" leads; no link without it. */
  bankWebsite: string | null;
  /** The bank's "forgot password" page (`bankWebsite` without it). */
  bankLinks?: BankLinks | null;
  /** The RequestId of the bank's answer about the last try, for the reference line under it. */
  requestId?: string | null;
  /** Kept from the last try, so only the password is typed again. */
  defaultUsername: string;
  /** What the bank said about the last try, on the field(s) it concerns. */
  error: FieldError | null;
  onSubmit(credentials: Credentials): void;
  /** The person is on the form (a field took focus): time to fetch what the next screens need. */
  onEngage?(): void;
  /** The person opened "forgot password?" (COMPONENT_CLICK_RESET_PASSWORD). */
  onResetPassword?(): void;
  /** Whether something was typed: closing then asks first. */
  onTypedChange?(typed: boolean): void;
}

/**
 * The sign-in form, on react-hook-form: the bank's answer about the last try marks its field(s) (`setError`) and
 * shows above the form (`root.server`); empty fields are flagged on submit, the first one focused, and re-checked as
 * the person types. A fresh screen after each try starts with an empty password.
 */
export function CredentialsStep({
  bankWebsite,
  bankLinks,
  requestId = null,
  defaultUsername,
  error,
  onSubmit,
  onEngage,
  onResetPassword,
  onTypedChange,
}: CredentialsStepProps) {
  const m = useUiMessages().ui.credentials;
  const text = useText();
  const id = useId();
  const [passwordShown, setPasswordShown] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isDirty },
  } = useForm<Credentials>({
    defaultValues: { username: defaultUsername, password: '' },
    shouldFocusError: true,
  });

  // Drawn by a partner's server, the form cannot be sent before the script runs it (src/ui/serverDrawn.ts).
  const live = useFormLive();
  const field = (registered: UseFormRegisterReturn<keyof Credentials>) =>
    unsentUntilLive(registered, live, (name, typed) => setValue(name, typed));
  const waitId = `${id}-wait`;

  // Closing a form with typed data asks first; the form gone, nothing typed remains.
  useEffect(() => {
    onTypedChange?.(isDirty);
  }, [isDirty, onTypedChange]);
  useEffect(() => () => onTypedChange?.(false), [onTypedChange]);

  // Before paint: the screen never shows without the bank's answer on it.
  useLayoutEffect(() => {
    if (!error) return;
    if (error.field !== 'password') setError('username', { type: 'server' });
    if (error.field !== 'username') setError('password', { type: 'server' });
    setError('root.server', { type: error.code });
  }, [error, setError]);

  const serverErrorId = `${id}-server-error`;
  const describe = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined;
  const missing = (field: keyof Credentials) =>
    errors[field] !== undefined && errors[field].type !== 'server';
  const fromServer = (field: keyof Credentials) => errors[field]?.type === 'server';
  const forgotUrl = bankLinks?.forgotPassword ?? bankWebsite;

  const watchCapsLock = (event: KeyboardEvent<HTMLInputElement>) =>
    setCapsLock(event.getModifierState('CapsLock'));

  return (
    <Screen title={text(m.title)}>
      {/* While the bank's answer shows, it says what to do: the intro would say it a second time. */}
      {!error && <p>{text(m.intro)}</p>}
      <form
        className="cw-form"
        noValidate
        onFocus={onEngage}
        onSubmit={handleSubmit(({ username, password }) => onSubmit({ username: username.trim(), password }))}
      >
        {error && errors.root?.server && <ServerError id={serverErrorId} error={error} />}
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
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={describe(missing('username') && `${id}-username-missing`)}
            // Tied to the bank's answer without reading it a second time: the alert spoke once already.
            aria-errormessage={fromServer('username') ? serverErrorId : undefined}
            // A username needs more than spaces.
            {...field(register('username', { validate: (value) => value.trim() !== '' }))}
          />
          {missing('username') && (
            <p className="cw-field-error" id={`${id}-username-missing`} role="alert">
              {m.required.username}
            </p>
          )}
          {fromServer('username') && (
            <FieldServerNote id={`${id}-username-server`} field="username" forgotUrl={forgotUrl} />
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
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={describe(
                missing('password') && `${id}-password-missing`,
                fromServer('password') && `${id}-password-server`,
                capsLock && `${id}-caps`,
              )}
              aria-errormessage={fromServer('password') ? serverErrorId : undefined}
              onKeyDown={watchCapsLock}
              onKeyUp={watchCapsLock}
              {...field(register('password', { required: true }))}
            />
            {/* Its name says what a press does next ("Hide password" once shown), so no pressed state besides. */}
            <button
              type="button"
              className="cw-button cw-button--quiet cw-password-toggle"
              aria-controls={`${id}-password`}
              onClick={() => setPasswordShown((shown) => !shown)}
            >
              {passwordShown ? m.hidePassword : m.showPassword}
            </button>
          </div>
          {missing('password') && (
            <p className="cw-field-error" id={`${id}-password-missing`} role="alert">
              {m.required.password}
            </p>
          )}
          {fromServer('password') && <FieldServerNote id={`${id}-password-server`} field="password" />}
          <p className="cw-hint" id={`${id}-caps`} aria-live="polite">
            {capsLock ? m.capsLock : null}
          </p>
          {forgotUrl && (
            <ExternalLink href={forgotUrl} {...(onResetPassword ? { onOpen: onResetPassword } : {})}>
              {m.forgotPassword}
            </ExternalLink>
          )}
        </div>
        <p className="cw-muted">{text(m.privacy)}</p>
        <Button type="submit" disabled={!live} aria-describedby={live ? undefined : waitId}>
          {m.submit}
        </Button>
        {!live && (
          <p id={waitId} hidden>
            {m.waitForScript}
          </p>
        )}
        {error && errors.root?.server && <ServerReference requestId={requestId} />}
      </form>
    </Screen>
  );
}
