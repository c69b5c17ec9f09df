import type { ConnectWidgetProps } from './props';
import type { ConnectFlow } from '../flow/useConnectFlow';
import type { FlowState } from '../flow/state';
import type { BankLinks } from '../institutions/links';
import { useLanguage } from '../i18n';
import { ConsentStep } from '../steps/consent';
import { CredentialsStep } from '../steps/credentials';
import type { CatalogSource } from '../steps/institution/CatalogInstitutionStep';
import { InstitutionStep, LaterStepView, prefetchLaterSteps } from './laterSteps';

interface StepViewProps {
  state: FlowState;
  flow: ConnectFlow;
  props: Omit<ConnectWidgetProps, 'queryClient'>;
  /** Where the bank list reads the server's catalog (`institutionCatalog`); none for the built-in list. */
  catalog: CatalogSource | false | undefined;
  bankWebsite: string | null;
  bankLinks: BankLinks | null;
  onExit(): void;
  /** The sign-in form has typed data (or no longer has): closing asks first. */
  onTypedChange(typed: boolean): void;
  backEnable: boolean;
  closeEnable: boolean;
}

/** One screen per step; the `never` check keeps every step handled. */
export function StepView({
  state,
  flow,
  props,
  catalog,
  bankWebsite,
  bankLinks,
  onExit,
  onTypedChange,
  backEnable,
  closeEnable,
}: StepViewProps) {
  const language = useLanguage();

  switch (state.step) {
    case 'consent':
      return (
        <ConsentStep
          customerName={props.customerName ?? null}
          ongoing={props.scheduleRefresh ?? false}
          termsUrl={props.termsUrl && /^https?:\/\//i.test(props.termsUrl) ? props.termsUrl : null}
          onOpenTerms={flow.clickTermsUrl}
          onAccept={flow.acceptConsent}
          onDeny={flow.denyConsent}
        />
      );
    case 'institution':
      return (
        <InstitutionStep
          demo={props.demo ?? false}
          filterEnable={props.institutionFilterEnable ?? true}
          catalog={catalog}
          onSelect={flow.selectInstitution}
          onNotFound={() => flow.exit('institution_not_found')}
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
          onResetPassword={flow.clickResetPassword}
          onTypedChange={onTypedChange}
        />
      );
    case 'oauth':
    case 'mfa':
    case 'enhancedMfa':
    case 'processing':
    case 'accounts':
    case 'success':
    case 'guidance':
    case 'closed':
      // The screens after the first one, with the later chunk (LaterStepView.tsx).
      return (
        <LaterStepView
          state={state}
          flow={flow}
          props={props}
          bankWebsite={bankWebsite}
          bankLinks={bankLinks}
          onExit={onExit}
          backEnable={backEnable}
          closeEnable={closeEnable}
        />
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
