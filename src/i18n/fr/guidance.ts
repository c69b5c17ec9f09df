import type { Messages } from '../catalog';

/** Chaînes françaises de l'espace `guidance`. */
export const guidance: Messages['guidance'] = {
  placeholder: 'À remplacer',
};
