import type { Messages } from '../catalog';
import { ui } from './ui';
import { mfa } from './mfa';
import { screens } from './screens';
import { guidance } from './guidance';

/** Le catalogue français : les mêmes clés que l'anglais, écrites pour le Canada. */
export const fr: Messages = { ui, mfa, guidance, screens };
