import type { ComponentType } from 'react';
import { loadOnce } from './loadOnce';
import type * as chunk from './widget/later';

/*
 * The one loader of the later chunk (src/widget/later.ts). Its own module, neither a screen nor the shell, so a screen
 * that shows a part of that chunk (the sign-in form's notes about the bank's answer) takes it from here rather than
 * from the shell that imports the screen.
 */

export type LaterChunk = typeof chunk;

/**
 * The screens after the first one, in one chunk: fetched once. Once it is in, a screen renders without suspending at
 * all. A failed download stays failed (no loop of retries) until the person asks to try again.
 */
export const laterChunk = loadOnce<LaterChunk>(() => import('./widget/later'));

/** A screen from the later chunk: suspends (see the `<Suspense>` around the steps) until the chunk is in. */
export function laterStep<Props extends object>(pick: (steps: LaterChunk) => ComponentType<Props>) {
  return function LaterStep(props: Props) {
    const Step = pick(laterChunk.read());
    return <Step {...props} />;
  };
}
