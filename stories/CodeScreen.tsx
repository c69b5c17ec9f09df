import { useState } from 'react';
import type { FlinksCode } from '../src/api/codes';
import type { SecurityResponses } from '../src/api/types';
import type { StepAction } from '../src/flow/reducer';
import { guidanceEntryFor, type GuidanceVariant } from '../src/guidance';
import { guidanceText, referenceText, TextTokens, useLanguage, useMessages } from '../src/i18n';
import { CredentialsStep, type Credentials } from '../src/steps/credentials';
import { GuidanceStep } from '../src/steps/guidance';
import { MfaStep } from '../src/steps/mfa';
import { ProcessingStep } from '../src/steps/processing';
import { titleAndBody } from '../src/ui';
import { CITY } from './fixtures';
import { BANK_WITH_WEBSITE, REQUEST_ID } from './support';

export interface CodeScreenProps {
  /** Any code: a known one, or one this widget has never heard of. */
  code: FlinksCode;
  variant?: GuidanceVariant;
  onAction(action: StepAction): void;
  onExit(): void;
  onFinishNow(): void;
  onKeepWaiting(): void;
  onSubmitCredentials(credentials: Credentials): void;
  onSubmitAnswers(responses: SecurityResponses): void;
  /** How long ago the code arrived, in seconds: a countdown's end comes sooner. */
  secondsAgo?: number;
}

/** The username kept from the last try: only the password is typed again. */
export const KEPT_USERNAME = 'marie.tremblay';

/**
 * The screen a person lands on when the widget receives `code`, picked by the code's kind in the guidance map,
 * as the flow routes it: back on the sign-in form or the security question with the error on the field, on the
 * waiting screen, or on the guidance screen.
 */
export function CodeScreen(props: CodeScreenProps) {
  const language = useLanguage();
  return (
    <TextTokens bank={BANK_WITH_WEBSITE.name[language]}>
      <ScreenFor {...props} />
    </TextTokens>
  );
}

function ScreenFor(props: CodeScreenProps) {
  const { code, variant, onAction, onExit } = props;
  const messages = useMessages();
  const language = useLanguage();
  const [at] = useState(() => Date.now() - (props.secondsAgo ?? 0) * 1_000);
  const bankName = BANK_WITH_WEBSITE.name[language];
  const entry = guidanceEntryFor(code);

  switch (entry.kind) {
    case 'field':
      return (
        <CredentialsStep
          bankWebsite={BANK_WITH_WEBSITE.website}
          defaultUsername={KEPT_USERNAME}
          requestId={REQUEST_ID}
          error={{ code, field: entry.field ?? 'both', variant: variant ?? null }}
          onSubmit={props.onSubmitCredentials}
        />
      );
    case 'mfa': {
      const { title, body } = guidanceText(code, messages, { language, bank: bankName, variant });
      return (
        <MfaStep
          challenges={[CITY.challenge]}
          bankLanguage="en"
          round={1}
          expectsOneTimeCode={false}
          error={{
            code,
            message: titleAndBody(title, body),
            reference: referenceText(REQUEST_ID, messages),
          }}
          pending={false}
          secondsLeft={null}
          onSubmit={props.onSubmitAnswers}
        />
      );
    }
    case 'wait':
    case 'none':
      // A 202 keeps the person waiting; ALREADY_AUTHORIZED goes on to gathering the accounts.
      return (
        <ProcessingStep
          activity={
            entry.kind === 'none'
              ? { kind: 'gathering', requestId: REQUEST_ID }
              : {
                  kind: 'waiting',
                  code: code === 'OPERATION_DISPATCHED' ? 'OPERATION_DISPATCHED' : 'OPERATION_PENDING',
                  requestId: REQUEST_ID,
                  keepWaiting: false,
                }
          }
          since={at}
          onFinishNow={props.onFinishNow}
          onKeepWaiting={props.onKeepWaiting}
          onExit={onExit}
        />
      );
    default:
      return (
        <GuidanceStep
          code={code}
          variant={variant ?? null}
          requestId={REQUEST_ID}
          at={at}
          bankWebsite={BANK_WITH_WEBSITE.website}
          exitEnable
          // After a sign-in with a username and password, "try again" opens that form again; an OAuth bank's page is
          // opened again instead.
          retrySignsIn={!code.startsWith('OAUTH_')}
          onAction={onAction}
          onExit={onExit}
        />
      );
  }
}
