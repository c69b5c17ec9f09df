import type { Messages } from '../catalog';

/** Chaînes françaises de l'espace `mfa` : les écrans de vérification d'identité. */
export const mfa: Messages['mfa'] = {
  title: '{bank} doit confirmer votre identité',
  intro: 'Répondez à la question de {bank} pour continuer.',
  introMany: 'Répondez aux {count}\u00A0questions de {bank} pour continuer.',
  introNextRound: '{bank} demande une vérification de plus avant de relier votre compte.',
  chooseAll: 'Cochez toutes les réponses qui s’appliquent.',
  maskedPhone: 'Numéro se terminant par {digits}',
  delivery: {
    legend: 'Comment voulez-vous recevoir le code\u202f?',
    text: 'Envoyez-moi un texto',
    call: 'Appelez-moi',
  },
  image: {
    label: 'Image {position} sur {total}',
    described: 'Image {position} sur {total}\u00A0: {description}',
    needsSight:
      '{bank} a envoyé ces images sans description\u00A0: cette vérification demande de les voir. Si vous ne les voyez pas, revenez en arrière et choisissez une autre institution, ou appelez {bank}.',
    someHidden:
      'Certaines images de {bank} ne peuvent pas s’afficher ici. Choisissez parmi celles ci-dessous.',
    cantSee: 'Vous ne voyez pas les images\u00A0?',
    cantSeeHelp: 'Revenez en arrière et choisissez une autre institution, ou appelez {bank}.',
  },
  required: {
    summary: 'Répondez à toutes les questions pour continuer.',
    text: 'Entrez votre réponse.',
    choice: 'Choisissez une réponse.',
    choices: 'Choisissez au moins une réponse.',
    phone: 'Choisissez un numéro de téléphone.',
    image: 'Choisissez une image.',
  },
  timer: {
    left: 'Temps restant\u00a0: {time}',
    underTwoMinutes: 'Il reste moins de 2\u00a0minutes pour répondre.',
    underOneMinute: 'Il reste moins d’une minute pour répondre.',
    underThirtySeconds: 'Il reste moins de 30\u00a0secondes pour répondre.',
  },
  sending: 'Envoi de votre réponse…',
  continue: 'Continuer',
  back: 'Retour',
  unsupported: {
    title: 'Cette vérification de {bank} est impossible ici',
    body: 'Ouvrez une session sur le site Web de {bank} pour y terminer cette vérification, puis essayez de nouveau de relier votre compte.',
    otherBank: 'Vous pouvez aussi revenir en arrière et choisir une autre institution financière.',
  },
};
