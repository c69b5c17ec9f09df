import type { Language, Translation } from './types';
import type { en as English } from './en';

/** Every string the widget shows, by namespace: `ui` (steps and primitives), `mfa` (challenge screens), `guidance` (error screens). */
export type Messages = Translation<typeof English>;
export type { Language };
