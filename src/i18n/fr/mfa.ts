import type { Messages } from '../catalog';

/** Chaînes françaises de l'espace `mfa`. */
export const mfa: Messages['mfa'] = {
  placeholder: 'À remplacer',
};
