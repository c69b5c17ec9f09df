import type { Translation } from './types';
import type { en as English } from './en';

/** Every string the widget shows, by namespace: `ui` (steps and primitives), `mfa` (challenge screens), `guidance` (error screens). */
export type Messages = Translation<typeof English>;

/** What the first screens (consent, bank list, sign-in) and the widget's frame read: in memory before they render. */
export type UiMessages = Pick<Messages, 'ui'>;

/** The rest, for the later screens: each language's own chunk, fetched when the person starts to sign in. */
export type LaterMessages = Omit<Messages, 'ui'>;
