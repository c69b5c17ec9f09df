import type { Messages } from '../catalog';

/** Chaînes françaises de l'espace `oauth` : les écrans de la banque qui ouvre une session sur son propre site. */
export const oauth: Messages['oauth'] = {
  readyTitle: 'Ouvrez une session chez {bank}',
  readyBody:
    '{bank} vous fait ouvrir une session sur son propre site, dans une nouvelle fenêtre. Votre mot de passe reste chez {bank}.',
  readyBodyWhole:
    '{bank} vous fait ouvrir une session sur son propre site. Vous reviendrez ici ensuite. Votre mot de passe reste chez {bank}.',
  blockedTitle: 'Continuer vers {bank}',
  blockedBody:
    'Votre navigateur a empêché l’ouverture de la fenêtre de {bank}. Sélectionnez le bouton pour l’ouvrir.',
  continue: 'Continuer vers {bank}',
  waitingTitle: 'Terminez sur le site de {bank}',
  waitingBody:
    'Sur la page qui vient d’apparaître, ouvrez une session et approuvez la connexion. La suite se fera ici.',
  waitingStatus: 'En attente de {bank}…',
  reopen: 'Rouvrir la page de {bank}',
  leavingTitle: 'En route vers {bank}',
  leavingBody: 'Vous ouvrirez une session sur le site de {bank}, puis reviendrez ici.',
  finishingTitle: 'Finalisation de votre connexion',
  finishingBody: 'Nous vérifions ce que {bank} a transmis…',
};
