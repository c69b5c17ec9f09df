import type { LaterMessages } from '../catalog';
import { guidance } from './guidance';
import { mfa } from './mfa';
import { screens } from './screens';

/** Le texte français des écrans suivants : un fragment à part, chargé quand la personne commence à se connecter. */
export const later: LaterMessages = { mfa, guidance, screens };
