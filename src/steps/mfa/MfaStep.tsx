import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useForm } from 'react-hook-form';
import type { SecurityChallenge } from '../../api/types';
import { useMessages, useText } from '../../i18n';
import { AnswerField } from './fields';
import { collectAnswers, initialAnswers, planRound, type AnswerValues, type MfaPrompt } from './round';
import { TimeLeft } from './TimeLeft';
import type { MfaStepProps } from './types';
import './mfa.css';

/**
 * The security check screen: every prompt of one round, answered together with one submit.
 *
 * @example <MfaStep challenges={body.SecurityChallenges} round={1} ... />
 */
export function MfaStep(props: MfaStepProps) {
  const roundKey = useMemo(() => keyOfRound(props.round, props.challenges), [props.round, props.challenges]);
  // A new round mounts a fresh screen: the previous answers are gone and the heading takes focus again.
  return <MfaRound key={roundKey} {...props} />;
}

function MfaRound(props: MfaStepProps) {
  const { challenges, expectsOneTimeCode, onBack } = props;
  const plan = useMemo(() => planRound(challenges, expectsOneTimeCode), [challenges, expectsOneTimeCode]);
  if (plan.kind === 'unsupported') {
    return <UnsupportedRound onBack={onBack} />;
  }
  return <AnswerForm {...props} prompts={plan.prompts} />;
}

interface AnswerFormProps extends MfaStepProps {
  prompts: MfaPrompt[];
}

function AnswerForm({ prompts, round, error, pending, secondsLeft, onSubmit, onBack }: AnswerFormProps) {
  const m = useMessages();
  const text = useText();
  const id = useId();
  const headingRef = useFocusOnMount();
  const formRef = useRef<HTMLFormElement>(null);
  const [defaultValues] = useState(() => initialAnswers(prompts));
  const { register, getValues, setError, clearErrors, getFieldState, formState } = useForm<AnswerValues>({
    defaultValues,
  });
  const [focusRequest, setFocusRequest] = useState<{ field: string } | null>(null);

  useEffect(() => {
    if (focusRequest) focusField(formRef.current, focusRequest.field);
  }, [focusRequest]);

  // The bank's last message is about the answers already sent: hide it while new ones are on their way.
  const shownError = pending ? null : error;
  const errorKey = shownError ? `${shownError.code}\n${shownError.message}` : null;
  const firstField = prompts[0]?.field;
  const lastErrorKey = useRef(errorKey);
  useEffect(() => {
    if (errorKey !== null && errorKey !== lastErrorKey.current && firstField) {
      focusField(formRef.current, firstField);
    }
    lastErrorKey.current = errorKey;
  }, [errorKey, firstField]);

  const registerAnswer = (name: string) =>
    register(name, {
      onChange: () => {
        if (getFieldState(name).invalid) clearErrors(name);
      },
    });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const { responses, missing } = collectAnswers(prompts, getValues());
    clearErrors();
    if (missing[0] !== undefined) {
      for (const field of missing) setError(field, { type: 'required' });
      setFocusRequest({ field: missing[0] });
      return;
    }
    onSubmit(responses);
  }

  // Browsers differ on whether Enter in a radio or checkbox submits; make it always do.
  function submitFromChoice(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || !isChoiceInput(event.target)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  function holdChoicesWhilePending(event: MouseEvent<HTMLFormElement>) {
    if (pending && isChoiceInput(event.target)) event.preventDefault();
  }

  const headingId = `${id}-heading`;
  const introId = `${id}-intro`;
  const serverErrorId = `${id}-server-error`;
  const unanswered = (field: string) => formState.errors[field] !== undefined;
  const anyUnanswered = prompts.some((prompt) => unanswered(prompt.field));

  return (
    <section className="cw-mfa" aria-labelledby={headingId}>
      <h2 className="cw-mfa-heading" id={headingId} ref={headingRef} tabIndex={-1} aria-describedby={introId}>
        {text(m.mfa.title)}
      </h2>
      <p className="cw-mfa-intro" id={introId}>
        {round > 1 ? text(m.mfa.introNextRound) : m.mfa.intro}
      </p>
      <TimeLeft secondsLeft={secondsLeft} />
      <form
        className="cw-mfa-form"
        ref={formRef}
        noValidate
        onSubmit={submit}
        onKeyDown={submitFromChoice}
        onClickCapture={holdChoicesWhilePending}
      >
        {shownError && (
          <p className="cw-mfa-alert" id={serverErrorId} role="alert">
            {shownError.message}
          </p>
        )}
        {anyUnanswered && (
          <p className="cw-mfa-alert" role="alert">
            {m.mfa.required.summary}
          </p>
        )}
        {prompts.map((prompt, index) => (
          <AnswerField
            key={prompt.field}
            prompt={prompt}
            id={`${id}-${prompt.field}`}
            unanswered={unanswered(prompt.field)}
            serverErrorId={index === 0 && shownError ? serverErrorId : null}
            readOnly={pending}
            register={registerAnswer}
          />
        ))}
        <div className="cw-mfa-actions">
          {onBack && (
            <button className="cw-mfa-button cw-mfa-button--secondary" type="button" onClick={onBack}>
              {m.mfa.back}
            </button>
          )}
          <button
            className="cw-mfa-button cw-mfa-button--primary"
            type="submit"
            aria-busy={pending || undefined}
            aria-disabled={pending || undefined}
          >
            {pending && <span className="cw-mfa-spinner" aria-hidden="true" />}
            {m.mfa.continue}
          </button>
        </div>
        <p className="cw-mfa-status" role="status">
          {pending ? m.mfa.sending : null}
        </p>
      </form>
    </section>
  );
}

/** Shown when the bank asks for something this screen can't render: no crash, and a way forward. */
function UnsupportedRound({ onBack }: Pick<MfaStepProps, 'onBack'>) {
  const m = useMessages();
  const text = useText();
  const headingId = `${useId()}-heading`;
  const headingRef = useFocusOnMount();
  return (
    <section className="cw-mfa cw-mfa--unsupported" aria-labelledby={headingId}>
      <h2 className="cw-mfa-heading" id={headingId} ref={headingRef} tabIndex={-1}>
        {text(m.mfa.unsupported.title)}
      </h2>
      <p className="cw-mfa-intro">{text(m.mfa.unsupported.body)}</p>
      {onBack && (
        <>
          <p className="cw-mfa-intro">{m.mfa.unsupported.otherBank}</p>
          <div className="cw-mfa-actions">
            <button className="cw-mfa-button cw-mfa-button--primary" type="button" onClick={onBack}>
              {m.mfa.back}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function focusField(form: HTMLFormElement | null, field: string) {
  const control = form?.elements.namedItem(field);
  const target = control instanceof RadioNodeList ? control[0] : control;
  if (target instanceof HTMLElement) target.focus();
}

function isChoiceInput(target: EventTarget): boolean {
  return target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox');
}

function keyOfRound(round: number, challenges: readonly SecurityChallenge[]): string {
  const prompts = challenges.map((challenge) =>
    [challenge.Type, challenge.Prompt, ...(challenge.Iterables ?? [])].join('\u001f'),
  );
  return [String(round), ...prompts].join('\u001e');
}
