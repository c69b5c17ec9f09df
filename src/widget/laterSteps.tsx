import { useEffect, useState } from 'react';
import { loadChecks } from '../api/client';
import { prefetchExecutor } from '../flow/runner';
import { forgetFailedMessages, loadMessages, type Language } from '../i18n';
import { laterChunk, laterStep, type LaterChunk } from '../laterChunk';
import { loadOnce } from '../loadOnce';
import type * as bankList from '../steps/institution';
import type { BankListStepProps } from '../steps/institution/CatalogInstitutionStep';

/**
 * The bank list (its search, ranking, virtual list and monogram tiles) in a chunk of its own: not part of the first
 * screen's bytes, and never fetched when the institution is preset. Fetched as the widget mounts without one.
 */
const bankListStep = loadOnce<typeof bankList>(() => import('../steps/institution'));

/** The bank list; with `catalog`, over the server's catalog (a react-query query, in the same chunk). */
export function InstitutionStep({ catalog, ...props }: BankListStepProps) {
  const { InstitutionStep: Step, CatalogInstitutionStep } = bankListStep.read();
  return catalog ? <CatalogInstitutionStep {...props} catalog={catalog} /> : <Step {...props} />;
}

/** Starts fetching the bank list's chunk (the widget opens without a preset institution). */
export function prefetchBankList(): void {
  bankListStep.load().catch(bankListStep.retry);
}

export const LaterStepView = laterStep((steps) => steps.LaterStepView);
export const ExitDialog = laterStep((steps) => steps.ExitDialog);

/**
 * The bank pages list (BANK_PAGES), from the later chunk: undefined until it is in. Once a bank is chosen the chunk is
 * fetched, and the widget re-renders with the pages when it arrives. Read on every render, so a chunk that another
 * screen brought in counts at once.
 */
export function useBankPages(bankChosen: boolean): LaterChunk['BANK_PAGES'] | undefined {
  const [, setArrived] = useState(false);
  const steps = laterChunk.current();
  useEffect(() => {
    if (!bankChosen || steps) return;
    let current = true;
    laterChunk.load().then(
      () => current && setArrived(true),
      () => laterChunk.retry(),
    );
    return () => {
      current = false;
    };
  }, [bankChosen, steps]);
  // The server draws the first screen as the script's first render will find it, before any chunk is in: whatever an
  // earlier request loaded into the server must not add links the script would take away while hydrating.
  if (typeof document === 'undefined') return undefined;
  return steps?.BANK_PAGES;
}

/**
 * Starts fetching what the first submit needs, once the person is on the credential form: the later screens, their
 * text, and the client's answer checks.
 */
export function prefetchLaterSteps(language: Language): void {
  // A prefetch that failed is forgotten, so the screen that needs the chunk fetches it again.
  laterChunk.load().catch(laterChunk.retry);
  loadMessages(language).catch(forgetFailedMessages);
  loadChecks().catch(() => undefined);
  prefetchExecutor();
}

/** The later screens' chunk, in: for code that renders them outside the widget's flow (stories, tests). */
export async function loadLaterSteps(): Promise<void> {
  await laterChunk.load();
}

/** "Try again" on a screen that did not load: what failed to download is fetched anew. */
export function forgetFailedDownloads(): void {
  laterChunk.retry();
  bankListStep.retry();
  forgetFailedMessages();
}
