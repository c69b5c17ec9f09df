import type { LaterMessages } from '../catalog';
import { guidance } from './guidance';
import { mfa } from './mfa';
import { screens } from './screens';

/** The English text of the later screens: a chunk of its own, so the sign-in form never waits for it. */
export const later: LaterMessages = { mfa, guidance, screens };
