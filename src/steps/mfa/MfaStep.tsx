import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { useForm } from 'react-hook-form';
import type { SecurityChallenge } from '../../api/types';
import { useLanguage, useMessages, useText } from '../../i18n';
import { Alert, Button, ExternalLink, focusFromScript, KeepBankName } from '../../ui';
import { AnswerField, BankTextLanguage } from './fields';
import {
  collectAnswers,
  initialAnswers,
  isAnswered,
  planRound,
  type AnswerValues,
  type MfaPrompt,
} from './round';
import { TimeLeft } from './TimeLeft';
import type { MfaStepProps } from './types';
import '../../ui/options.css';
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
  const { challenges, expectsOneTimeCode, onBack, bankWebsite } = props;
  const plan = useMemo(() => planRound(challenges, expectsOneTimeCode), [challenges, expectsOneTimeCode]);
  if (plan.kind === 'unsupported') {
    return <UnsupportedRound onBack={onBack} bankWebsite={bankWebsite ?? null} />;
  }
  return <AnswerForm {...props} prompts={plan.prompts} />;
}

interface AnswerFormProps extends MfaStepProps {
  prompts: MfaPrompt[];
}

function AnswerForm(props: AnswerFormProps) {
  const { prompts, round, error, pending, secondsLeft, onSubmit, onBack, enhanced } = props;
  const m = useMessages();
  const screenLanguage = useLanguage();
  const bankLanguage =
    props.bankLanguage && props.bankLanguage !== screenLanguage ? props.bankLanguage : undefined;
  const text = useText();
  const id = useId();
  const headingRef = useFocusOnMount();
  const [defaultValues] = useState(() => initialAnswers(prompts));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<AnswerValues>({ defaultValues, shouldFocusError: true });

  // The bank's word on the answers already sent: on the first field (focused) and above the form (`root.server`).
  // Hidden while new answers are on their way; a first render keeps the focus on the heading.
  const serverError = pending ? null : error;
  const serverCode = serverError?.code;
  const serverMessage = serverError?.message;
  const firstField = prompts[0]?.field;
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (serverCode !== undefined && serverMessage !== undefined) {
      setError('root.server', { type: serverCode, message: serverMessage });
      if (firstField) setError(firstField, { type: 'server' }, { shouldFocus: mounted.current });
    }
    mounted.current = true;
  }, [serverCode, serverMessage, firstField, setError]);

  const registerAnswer = (name: string) => {
    const prompt = prompts.find((candidate) => candidate.field === name);
    return register(name, prompt ? { validate: (_, values) => isAnswered(prompt, values) } : {});
  };

  // The answers are checked asynchronously, so a second Enter can come before React renders what the first one
  // started: the screen's owner commits its change (\`pending\`) at once, and that Enter finds the step sending.
  const send = handleSubmit((values) => {
    const { responses } = collectAnswers(prompts, values);
    flushSync(() => onSubmit(responses));
  });

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
  const shownServerError = serverError ? errors.root?.server?.message : undefined;
  const unanswered = (field: string) => errors[field] !== undefined && errors[field].type !== 'server';
  const anyUnanswered = prompts.some((prompt) => unanswered(prompt.field));

  return (
    <section className="cw-screen" aria-labelledby={headingId}>
      <h2 className="cw-heading" id={headingId} ref={headingRef} tabIndex={-1} aria-describedby={introId}>
        <KeepBankName text={text(enhanced ? m.options.enhancedMfa.title : m.mfa.title)} />
      </h2>
      <p id={introId}>
        {enhanced
          ? text(m.options.enhancedMfa.intro)
          : round > 1
            ? text(m.mfa.introNextRound)
            : prompts.length > 1
              ? text(m.mfa.introMany, { count: prompts.length })
              : text(m.mfa.intro)}
      </p>
      <TimeLeft secondsLeft={secondsLeft} />
      <form
        className="cw-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending) void send(event);
        }}
        onKeyDown={submitFromChoice}
        onClickCapture={holdChoicesWhilePending}
      >
        {shownServerError && <Alert id={serverErrorId}>{shownServerError}</Alert>}
        {/* A summary only where there is something to sum up: one question's own message says it all. */}
        {anyUnanswered && prompts.length > 1 && <Alert>{m.mfa.required.summary}</Alert>}
        <BankTextLanguage.Provider value={bankLanguage}>
          {prompts.map((prompt, index) => (
            <AnswerField
              key={prompt.field}
              prompt={prompt}
              id={`${id}-${prompt.field}`}
              unanswered={unanswered(prompt.field)}
              serverErrorId={index === 0 && shownServerError ? serverErrorId : null}
              readOnly={pending}
              register={registerAnswer}
            />
          ))}
        </BankTextLanguage.Provider>
        <div className="cw-actions">
          {onBack && (
            <Button variant="secondary" onClick={onBack}>
              {m.mfa.back}
            </Button>
          )}
          {enhanced?.onSkip && (
            <Button variant="secondary" onClick={enhanced.onSkip} aria-disabled={pending || undefined}>
              {m.options.enhancedMfa.skip}
            </Button>
          )}
          <Button type="submit" aria-busy={pending || undefined} aria-disabled={pending || undefined}>
            {pending && <span className="cw-mfa-spinner" aria-hidden="true" />}
            {enhanced ? m.options.enhancedMfa.save : m.mfa.continue}
          </Button>
        </div>
        <p className="cw-muted cw-status" role="status">
          {pending ? m.mfa.sending : null}
        </p>
        {/* For support, under the buttons; outside the alert, never announced. */}
        {shownServerError && serverError?.reference && (
          <p className="cw-reference">{serverError.reference}</p>
        )}
      </form>
    </section>
  );
}

/**
 * Shown when the bank asks for something this screen can't render: no crash, and a way forward. The screen says to
 * finish on the bank's website, so that is its first action; going back to choose another bank comes second.
 */
function UnsupportedRound({
  onBack,
  bankWebsite,
}: Pick<MfaStepProps, 'onBack'> & { bankWebsite: string | null }) {
  const m = useMessages();
  const text = useText();
  const headingId = `${useId()}-heading`;
  const headingRef = useFocusOnMount();
  return (
    <section className="cw-screen" aria-labelledby={headingId}>
      <h2 className="cw-heading" id={headingId} ref={headingRef} tabIndex={-1}>
        <KeepBankName text={text(m.mfa.unsupported.title)} />
      </h2>
      <p>{text(m.mfa.unsupported.body)}</p>
      {onBack && <p>{m.mfa.unsupported.otherBank}</p>}
      {(bankWebsite || onBack) && (
        <div className="cw-actions">
          {bankWebsite && (
            <ExternalLink href={bankWebsite} variant="primary">
              {text(m.guidance.actions.openBankSite)}
            </ExternalLink>
          )}
          {onBack && (
            <Button variant={bankWebsite ? 'secondary' : 'primary'} onClick={onBack}>
              {m.mfa.back}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    focusFromScript(ref.current);
  }, []);
  return ref;
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
