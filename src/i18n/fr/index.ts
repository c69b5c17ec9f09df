import type { Messages } from '../catalog';
import { ui } from './ui';
import { mfa } from './mfa';
import { screens } from './screens';
import { guidance } from './guidance';
import { oauth } from './oauth';
import { options } from './options';

/** Le catalogue français : les mêmes clés que l'anglais, écrites pour le Canada. */
export const fr: Messages = { ui, mfa, guidance, oauth, screens, options };
