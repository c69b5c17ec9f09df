import type { Messages } from '../catalog';

/** Chaînes françaises de l'espace `ui`. */
export const ui: Messages['ui'] = {
  placeholder: 'À remplacer',
};
