import { useMemo } from 'react';
import type { FlinksCode } from '../../api/codes';
import type { SecurityResponses } from '../../api/types';
import type { GuidanceVariant } from '../../guidance';
import { useGuidance } from '../../i18n';
import { titleAndBody } from '../../ui';
import { MfaStep } from './MfaStep';

export interface EnhancedMfaStepProps {
  /** Every security question the bank keeps for the login (GetMFAQuestions). */
  questions: string[];
  /** The bank's word on the answers last sent, if it refused them. */
  error: { code: FlinksCode; variant: GuidanceVariant | null } | null;
  pending: boolean;
  /** Called with an answer to each question (secrets: they go to the runner, never into the state). */
  onSubmit(responses: SecurityResponses): void;
  /** Present when the person may skip (`skipEnhancedMFA`). */
  onSkip?: () => void;
}

/**
 * Enhanced MFA (`enhancedMFA`): the login's stored questions, answered now so scheduled refreshes never stop on one.
 * The security check screen itself, with its own title, a "save" action and, when allowed, "skip".
 */
export function EnhancedMfaStep({ questions, error, pending, onSubmit, onSkip }: EnhancedMfaStepProps) {
  const text = useGuidance(error?.code ?? 'UNKNOWN', error?.variant);
  const challenges = useMemo(
    () => questions.map((Prompt) => ({ Type: 'QuestionAndAnswer' as const, Prompt })),
    [questions],
  );
  return (
    <MfaStep
      challenges={challenges}
      round={1}
      expectsOneTimeCode={false}
      error={error ? { code: error.code, message: titleAndBody(text.title, text.body) } : null}
      pending={pending}
      secondsLeft={null}
      onSubmit={onSubmit}
      enhanced={onSkip ? { onSkip } : {}}
    />
  );
}
