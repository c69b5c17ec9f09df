import type { Translation } from '../types';
import type { options as english } from '../en/options';

/** Les textes des fonctions facultatives de Flinks Connect (plusieurs comptes, AMF renforcée). */
export const options: Translation<typeof english> = {
  accounts: {
    title: 'Quels comptes souhaitez-vous relier à {customer}\u202F?',
    titleAnonymous: 'Choisissez vos comptes',
    selectAll: 'Sélectionner tous les comptes',
    required: 'Choisissez au moins un compte pour continuer.',
  },
  enhancedMfa: {
    title: 'Enregistrez vos réponses de sécurité',
    intro:
      '{bank} pourrait vous poser ces questions lors des prochaines mises à jour de vos comptes. Répondez-y maintenant pour qu’elles se fassent sans interruption.',
    save: 'Enregistrer et continuer',
    skip: 'Passer cette étape',
  },
};
