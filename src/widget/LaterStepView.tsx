import type { ConnectWidgetProps } from './props';
import type { ConnectFlow } from '../flow/useConnectFlow';
import type { FlowState } from '../flow/state';
import type { BankLinks } from '../institutions/links';
import { referenceText, TextTokens, useGuidance, useMessages, useTokens } from '../i18n';
import { AccountsStep } from '../steps/accounts';
import { ClosedStep, closedOutcome } from '../steps/exit/ClosedStep';
import { GuidanceStep } from '../steps/guidance';
import { EnhancedMfaStep, MfaStep } from '../steps/mfa';
import { OAuthStep } from '../steps/oauth';
import { ProcessingStep } from '../steps/processing';
import { SuccessStep } from '../steps/success';
import { titleAndBody, useCountdown } from '../ui';

/** The steps whose screens come with the later chunk. */
export type LaterState = Extract<
  FlowState,
  { step: 'oauth' | 'mfa' | 'enhancedMfa' | 'processing' | 'accounts' | 'success' | 'guidance' | 'closed' }
>;

export interface LaterStepViewProps {
  state: LaterState;
  flow: ConnectFlow;
  props: Omit<ConnectWidgetProps, 'queryClient'>;
  bankWebsite: string | null;
  bankLinks: BankLinks | null;
  onExit(): void;
  backEnable: boolean;
  closeEnable: boolean;
}

/**
 * A bank's name as a sentence says it. A list name may end in a qualifier in brackets that tells two rows of the list
 * apart ("Flinks Capital (OAuth)", the sandbox's bank that signs in on its own page); a sentence names the bank
 * without it ("Waiting for Flinks Capital…").
 */
function sentenceName(name: string | null): string | null {
  return name?.replace(/\s+\([^()]+\)$/, '') || name;
}

/**
 * StepView's screens after the first one, in the later chunk (src/steps/later.ts) with the screens themselves: the
 * first screen ships without the code that draws them. Their sentences name the bank as `sentenceName` says.
 */
export function LaterStepView(props: LaterStepViewProps) {
  const { bank, guidanceOverrides } = useTokens();
  return (
    <TextTokens bank={sentenceName(bank)} guidanceOverrides={guidanceOverrides}>
      <LaterScreen {...props} />
    </TextTokens>
  );
}

/** The later step's screen. The `never` check keeps every later step handled. */
function LaterScreen({
  state,
  flow,
  props,
  bankWebsite,
  bankLinks,
  onExit,
  backEnable,
  closeEnable,
}: LaterStepViewProps) {
  switch (state.step) {
    case 'oauth':
      return (
        <OAuthStep
          phase={state.phase}
          wholeWindow={props.oauthWindowRedirect ?? false}
          onOpenBank={flow.openBank}
        />
      );
    case 'mfa':
      return <MfaView state={state} flow={flow} backEnable={backEnable} bankWebsite={bankWebsite} />;
    case 'enhancedMfa':
      return (
        <EnhancedMfaStep
          questions={state.questions}
          error={state.error}
          pending={state.sending}
          onSubmit={flow.submitMfa}
          {...(props.skipEnhancedMFA ? { onSkip: flow.skipEnhancedMfa } : {})}
        />
      );
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
          accounts={state.displayed}
          customerName={props.customerName ?? null}
          onSelect={flow.selectAccount}
          hideTitle={props.accountSelectorNoTitle}
          {...(props.accountSelectorMultiple ? { onSelectMany: flow.selectAccounts } : {})}
        />
      );
    case 'success':
      return (
        <SuccessStep
          accounts={state.connected}
          customerName={props.customerName ?? null}
          onContinue={() => flow.exit()}
        />
      );
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
          retrySignsIn={
            state.retryTo === 'credentials' && state.ctx.institution !== null && state.ctx.signIn !== 'oauth'
          }
          onAction={flow.guidanceAction}
          onResetPassword={flow.clickResetPassword}
          onExit={flow.exit}
        />
      );
    case 'closed':
      return <ClosedStep outcome={closedOutcome(state)} onStartAgain={flow.startAgain} />;
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
  bankWebsite,
}: {
  state: Extract<FlowState, { step: 'mfa' }>;
  flow: ConnectFlow;
  backEnable: boolean;
  bankWebsite: string | null;
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
              reference: referenceText(requestId, messages),
            }
          : null
      }
      pending={state.sending}
      secondsLeft={secondsLeft}
      onSubmit={flow.submitMfa}
      bankWebsite={bankWebsite}
      {...(backEnable ? { onBack: flow.back } : {})}
    />
  );
}
