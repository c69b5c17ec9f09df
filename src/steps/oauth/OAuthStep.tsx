import type { OAuthPhase } from '../../flow/state';
import { useMessages, useText } from '../../i18n';
import { Actions, Button, Screen } from '../../ui';
// The spinner is the MFA screen's (same chunk): one spinner in the product, its bytes counted once.
import '../mfa/mfa.css';
import './oauth.css';

export interface OAuthStepProps {
  phase: OAuthPhase;
  /** The bank's page opens in the whole window (`oauthWindowRedirect`), not a popup. */
  wholeWindow: boolean;
  /** Opens the bank's page: always from the person's click, so the browser lets the popup through. */
  onOpenBank(): void;
}

/**
 * An OAuth bank's hand-off (CONTRACT §8): the person signs in on the bank's own page, never in our form. One button
 * before the page is open (or when the browser blocked it), a waiting screen while it is, with a way to open it again.
 */
export function OAuthStep({ phase, wholeWindow, onOpenBank }: OAuthStepProps) {
  const m = useMessages().oauth;
  const text = useText();

  if (phase === 'finishing' || (phase === 'opening' && wholeWindow)) {
    const finishing = phase === 'finishing';
    return (
      <Screen title={text(finishing ? m.finishingTitle : m.leavingTitle)}>
        <p role="status">{text(finishing ? m.finishingBody : m.leavingBody)}</p>
      </Screen>
    );
  }

  if (phase === 'opening' || phase === 'waiting') {
    // The wait is visible (a spinner) and said once (a status); the page, closed or lost, opens again from here.
    return (
      <Screen title={text(m.waitingTitle)}>
        <p>{m.waitingBody}</p>
        <p className="cw-waiting" role="status">
          <span className="cw-mfa-spinner" aria-hidden="true" />
          {text(m.waitingStatus)}
        </p>
        <Actions>
          <Button onClick={onOpenBank}>{text(m.reopen)}</Button>
        </Actions>
      </Screen>
    );
  }

  const blocked = phase === 'blocked';
  return (
    <Screen title={text(blocked ? m.blockedTitle : m.readyTitle)}>
      <p>{text(blocked ? m.blockedBody : wholeWindow ? m.readyBodyWhole : m.readyBody)}</p>
      <Actions>
        <Button onClick={onOpenBank}>{text(m.continue)}</Button>
      </Actions>
    </Screen>
  );
}
