import type { ConnectWidgetProps } from '../ConnectWidget';
import type { ConnectFlow } from '../flow/useConnectFlow';
import type { FlowState } from '../flow/state';
import type { BankLinks } from '../institutions/links';
import { referenceText, useGuidance, useLanguage, useMessages } from '../i18n';
import { ConsentStep } from '../steps/consent';
import { CredentialsStep } from '../steps/credentials';
import { ClosedStep } from '../steps/exit/ClosedStep';
import { InstitutionStep } from '../steps/institution';
import { titleAndBody, useCountdown } from '../ui';
import {
  AccountsStep,
  GuidanceStep,
  MfaStep,
  prefetchLaterSteps,
  ProcessingStep,
  SuccessStep,
} from './laterSteps';

interface StepViewProps {
  state: FlowState;
  flow: ConnectFlow;
  props: Omit<ConnectWidgetProps, 'queryClient'>;
  bankWebsite: string | null;
  bankLinks: BankLinks | null;
  onExit(): void;
  backEnable: boolean;
  closeEnable: boolean;
}

/** One screen per step; the `never` check keeps every step handled. */
export function StepView({
  state,
  flow,
  props,
  bankWebsite,
  bankLinks,
  onExit,
  backEnable,
  closeEnable,
}: StepViewProps) {
  const language = useLanguage();

  switch (state.step) {
    case 'consent':
      return (
        <ConsentStep
          customerName={props.customerName ?? null}
          onAccept={flow.acceptConsent}
          onDeny={flow.denyConsent}
        />
      );
    case 'institution':
      return (
        <InstitutionStep
          demo={props.demo ?? false}
          filterEnable={props.institutionFilterEnable ?? true}
          onSelect={flow.selectInstitution}
        />
      );
    case 'credentials':
      return (
        <CredentialsStep
          bankWebsite={bankWebsite}
          bankLinks={bankLinks}
          requestId={state.ctx.lastError?.requestId ?? null}
          defaultUsername={state.ctx.username}
          error={state.error}
          onSubmit={flow.submitCredentials}
          onEngage={() => prefetchLaterSteps(language)}
        />
      );
    case 'mfa':
      return <MfaView state={state} flow={flow} backEnable={backEnable} />;
    case 'processing':
      return (
        <ProcessingStep
          activity={state.activity}
          since={state.since}
          onFinishNow={flow.finishNow}
          onKeepWaiting={flow.keepWaiting}
          onExit={onExit}
        />
      );
    case 'accounts':
      return (
        <AccountsStep
          accounts={state.accounts}
          customerName={props.customerName ?? null}
          onSelect={flow.selectAccount}
        />
      );
    case 'success':
      return <SuccessStep />;
    case 'guidance':
      return (
        <GuidanceStep
          code={state.code}
          variant={state.variant}
          requestId={state.requestId}
          at={state.at}
          bankWebsite={bankWebsite}
          bankLinks={bankLinks}
          exitEnable={closeEnable}
          onAction={flow.guidanceAction}
          onExit={flow.exit}
        />
      );
    case 'closed':
      return <ClosedStep />;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

function MfaView({
  state,
  flow,
  backEnable,
}: {
  state: Extract<FlowState, { step: 'mfa' }>;
  flow: ConnectFlow;
  backEnable: boolean;
}) {
  // Shown only in the last two minutes of the bank's inactivity window.
  const secondsLeft = useCountdown(state.expiresAt, 120_000);
  const text = useGuidance(state.error?.code ?? 'UNKNOWN', state.error?.variant);
  const messages = useMessages();
  const requestId = state.ctx.lastError?.requestId ?? state.round.requestId;
  return (
    <MfaStep
      challenges={state.round.challenges}
      round={state.round.number}
      expectsOneTimeCode={state.round.expectsOneTimeCode}
      bankLanguage={state.round.language ?? null}
      error={
        state.error
          ? {
              code: state.error.code,
              message: titleAndBody(text.title, text.body),
              reference: referenceText(state.error.code, requestId, messages),
            }
          : null
      }
      pending={state.sending}
      secondsLeft={secondsLeft}
      onSubmit={flow.submitMfa}
      {...(backEnable ? { onBack: flow.back } : {})}
    />
  );
}
