import { createContext, useContext } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { format, useMessages, useText } from '../../i18n';
import { maskedDigits, type MfaPrompt } from './round';

export interface AnswerFieldProps<P extends MfaPrompt = MfaPrompt> {
  prompt: P;
  /** DOM id of the field; its messages derive their ids from it. */
  id: string;
  /** Left empty on the last submit. */
  unanswered: boolean;
  /** The bank's message about the last answer, when it belongs to this field. */
  serverErrorId: string | null;
  /** A submit is in flight: the answer can't change. */
  readOnly: boolean;
  register(name: string): UseFormRegisterReturn;
}

/**
 * The language of the bank's own text (prompts, choices) when it differs from the screen's, for its `lang`
 * attribute (WCAG 3.1.2); undefined when they match or the bank did not say. The widget's own words never get it.
 */
export const BankTextLanguage = createContext<string | undefined>(undefined);

type FieldOf<T extends MfaPrompt['type']> = AnswerFieldProps<Extract<MfaPrompt, { type: T }>>;

/** Picks the input for one challenge. */
export function AnswerField(props: AnswerFieldProps) {
  const { prompt } = props;
  switch (prompt.type) {
    case 'QuestionAndAnswer':
      // With Iterables, the bank asks the person to pick a new security question.
      return prompt.choices.length > 0 ? (
        <SingleChoice {...props} prompt={prompt} />
      ) : (
        <TextAnswer {...props} prompt={prompt} />
      );
    case 'MultipleChoice':
      return <SingleChoice {...props} prompt={prompt} />;
    case 'MultipleChoiceMultipleAnswers':
      return <SeveralChoices {...props} prompt={prompt} />;
    case 'TextOrCall':
      return <TextOrCall {...props} prompt={prompt} />;
    case 'ImageSelection':
      return <ImageChoice {...props} prompt={prompt} />;
    default: {
      const unreachable: never = prompt;
      return unreachable;
    }
  }
}

function TextAnswer({
  prompt,
  id,
  unanswered,
  serverErrorId,
  readOnly,
  register,
}: FieldOf<'QuestionAndAnswer'>) {
  const m = useMessages();
  const code = prompt.oneTimeCode;
  return (
    <div className="cw-field">
      <label className="cw-label" htmlFor={id} lang={useContext(BankTextLanguage)}>
        {prompt.prompt}
      </label>
      <input
        id={id}
        className="cw-input"
        type="text"
        required
        readOnly={readOnly}
        autoComplete={code ? 'one-time-code' : 'off'}
        inputMode={code ? 'numeric' : 'text'}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        {...invalidity(id, unanswered, serverErrorId)}
        {...register(prompt.field)}
      />
      <Unanswered id={id} show={unanswered} message={m.mfa.required.text} />
    </div>
  );
}

function SingleChoice(props: FieldOf<'QuestionAndAnswer'> | FieldOf<'MultipleChoice'>) {
  const { prompt, id, unanswered } = props;
  const m = useMessages();
  const bankLanguage = useContext(BankTextLanguage);
  return (
    <fieldset className="cw-fieldset">
      <legend className="cw-label" lang={bankLanguage}>
        {prompt.prompt}
      </legend>
      {prompt.choices.map((choice, index) => (
        <Option
          key={index}
          {...props}
          name={prompt.field}
          value={String(index)}
          type="radio"
          label={choice}
          lang={bankLanguage}
        />
      ))}
      <Unanswered id={id} show={unanswered} message={m.mfa.required.choice} />
    </fieldset>
  );
}

function SeveralChoices(props: FieldOf<'MultipleChoiceMultipleAnswers'>) {
  const { prompt, id, unanswered } = props;
  const m = useMessages();
  const bankLanguage = useContext(BankTextLanguage);
  const hintId = `${id}-hint`;
  return (
    <fieldset className="cw-fieldset" aria-describedby={hintId}>
      <legend className="cw-label" lang={bankLanguage}>
        {prompt.prompt}
      </legend>
      <p className="cw-hint" id={hintId}>
        {m.mfa.chooseAll}
      </p>
      {prompt.choices.map((choice, index) => (
        <Option
          key={index}
          {...props}
          name={prompt.field}
          value={String(index)}
          type="checkbox"
          label={choice}
          lang={bankLanguage}
        />
      ))}
      <Unanswered id={id} show={unanswered} message={m.mfa.required.choices} />
    </fieldset>
  );
}

function TextOrCall(props: FieldOf<'TextOrCall'>) {
  const { prompt, id, unanswered } = props;
  const m = useMessages();
  const bankLanguage = useContext(BankTextLanguage);
  return (
    <div className="cw-form">
      <fieldset className="cw-fieldset">
        <legend className="cw-label" lang={bankLanguage}>
          {prompt.prompt}
        </legend>
        {prompt.phones.map((phone, index) => (
          <Option
            key={index}
            {...props}
            name={prompt.field}
            value={String(index)}
            type="radio"
            label={phone}
            spoken={phoneName(phone, m.mfa.maskedPhone)}
          />
        ))}
        <Unanswered id={id} show={unanswered} message={m.mfa.required.phone} />
      </fieldset>
      <fieldset className="cw-fieldset cw-fieldset--inline">
        <legend className="cw-label">{m.mfa.delivery.legend}</legend>
        {(['Text', 'Call'] as const).map((method) => (
          <Option
            key={method}
            {...props}
            unanswered={false}
            serverErrorId={null}
            name={prompt.methodField}
            value={method}
            type="radio"
            label={method === 'Text' ? m.mfa.delivery.text : m.mfa.delivery.call}
          />
        ))}
      </fieldset>
    </div>
  );
}

function ImageChoice({
  prompt,
  id,
  unanswered,
  serverErrorId,
  readOnly,
  register,
}: FieldOf<'ImageSelection'>) {
  const m = useMessages();
  const bankLanguage = useContext(BankTextLanguage);
  const text = useText();
  const noteId = `${id}-note`;
  const sightId = `${id}-sight`;
  const someHidden = prompt.images.length < prompt.iterables.length;
  const total = prompt.images.length;
  // Without the bank's words for each picture, say plainly that this check needs sight, and what else to do.
  const undescribed = prompt.images.some((image) => !image.description);
  const describedBy = [someHidden && noteId, undescribed && sightId].filter(Boolean).join(' ');
  return (
    <fieldset className="cw-fieldset" aria-describedby={describedBy || undefined}>
      <legend className="cw-label" lang={bankLanguage}>
        {prompt.prompt}
      </legend>
      {someHidden && (
        <p className="cw-hint" id={noteId}>
          {text(m.mfa.image.someHidden)}
        </p>
      )}
      {undescribed && (
        // Said to screen readers with the question; anyone else who cannot make the pictures out opens the way out.
        <>
          <p className="cw-visually-hidden" id={sightId}>
            {text(m.mfa.image.needsSight)}
          </p>
          <details className="cw-hint">
            <summary>{m.mfa.image.cantSee}</summary>
            {text(m.mfa.image.cantSeeHelp)}
          </details>
        </>
      )}
      <div className="cw-mfa-tiles">
        {prompt.images.map((image, position) => (
          <label key={image.index} className="cw-mfa-tile">
            <input
              className="cw-mfa-tile-input"
              type="radio"
              required
              value={String(image.index)}
              aria-disabled={readOnly || undefined}
              {...invalidity(id, unanswered, serverErrorId)}
              {...register(prompt.field)}
            />
            <img className="cw-mfa-tile-image" src={image.src} alt="" />
            <span className="cw-mfa-tile-caption">
              {image.description
                ? format(m.mfa.image.described, {
                    position: position + 1,
                    total,
                    description: image.description,
                  })
                : format(m.mfa.image.label, { position: position + 1, total })}
            </span>
          </label>
        ))}
      </div>
      <Unanswered id={id} show={unanswered} message={m.mfa.required.image} />
    </fieldset>
  );
}

interface OptionProps extends AnswerFieldProps {
  name: string;
  value: string;
  type: 'radio' | 'checkbox';
  label: string;
  /** What a screen reader says instead of `label`, when the label reads badly (asterisks). */
  spoken?: string | undefined;
  /** The label's language, when it is the bank's text in another language than the screen's. */
  lang?: string | undefined;
}

/** A masked number's accessible name, "Number ending in 42", rather than a row of asterisks read out. */
function phoneName(phone: string, template: string): string | undefined {
  const digits = maskedDigits(phone);
  return digits === null ? undefined : format(template, { digits });
}

function Option({
  id,
  unanswered,
  serverErrorId,
  readOnly,
  register,
  name,
  value,
  type,
  label,
  spoken,
  lang,
}: OptionProps) {
  return (
    <label className="cw-option">
      <input
        type={type}
        value={value}
        required={type === 'radio'}
        aria-disabled={readOnly || undefined}
        {...invalidity(id, unanswered, serverErrorId)}
        {...register(name)}
      />
      {spoken ? (
        <>
          <span aria-hidden="true">{label}</span>
          <span className="cw-visually-hidden">{spoken}</span>
        </>
      ) : (
        <span lang={lang}>{label}</span>
      )}
    </label>
  );
}

function Unanswered({ id, show, message }: { id: string; show: boolean; message: string }) {
  if (!show) return null;
  return (
    // The sign-in form's error style: one look for every field's problem.
    <p className="cw-field-error" id={errorIdOf(id)}>
      {message}
    </p>
  );
}

function errorIdOf(id: string): string {
  return `${id}-error`;
}

/**
 * Ties the field to what is wrong with it, as the sign-in form does: its own empty-answer message describes it, and
 * the bank's message (the alert, already spoken once) is its error message, not read a second time.
 */
function invalidity(id: string, unanswered: boolean, serverErrorId: string | null) {
  return {
    'aria-invalid': unanswered || serverErrorId !== null ? true : undefined,
    'aria-describedby': unanswered ? errorIdOf(id) : undefined,
    'aria-errormessage': serverErrorId ?? undefined,
  };
}
