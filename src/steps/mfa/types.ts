import type { FlinksCode } from '../../api/codes';
import type { SecurityChallenge, SecurityResponses } from '../../api/types';

/** An answer the bank refused, shown on the answer field it belongs to. */
export interface MfaError {
  code: FlinksCode;
  /** Already resolved in the current language. */
  message: string;
  /** The small print for support ("Support reference: 8c2f41d0"), under the buttons; null without a RequestId. */
  reference?: string | null;
}

/** Props of the MFA step: one round of challenges, answered together in one submit. */
export interface MfaStepProps {
  /** Every prompt of one 203 answer. */
  challenges: SecurityChallenge[];
  /** 1 for the first round of this connection, 2 for the next, ... */
  round: number;
  /** True when the previous round was a TextOrCall choice: the prompt now asks for the code that was sent. */
  expectsOneTimeCode: boolean;
  error: MfaError | null;
  /** A submit is in flight: the form is read-only and shows progress; a second submit is ignored. */
  pending: boolean;
  /** Seconds left in the bank's inactivity window, or null when there is no need to show it (over 2 minutes). */
  secondsLeft: number | null;
  /** Called once per submit with every prompt answered (SecurityResponses as /Authorize expects them). */
  onSubmit(responses: SecurityResponses): void;
  /** The language of the bank's text in this round (its answer's `Content-Language`), when known. */
  bankLanguage?: string | null;
  /** The bank's website: where a check this screen can't show is done instead. */
  bankWebsite?: string | null;
  /** Back to the credential form; absent when going back is not allowed. */
  onBack?: () => void;
  /**
   * Enhanced MFA (`enhancedMFA`): the questions are the ones the bank keeps for the login, answered now for later
   * refreshes. `onSkip`, when the person may skip them (`skipEnhancedMFA`).
   */
  enhanced?: { onSkip?: () => void };
}
