import type { Messages } from '../catalog';

/** Chaînes françaises de l'espace `screens` : les écrans après l'ouverture de session, chargées avec eux. */
export const screens: Messages['screens'] = {
  processing: {
    progress: 'Progression',
    exit: 'Quitter',
    titles: {
      signingIn: 'Ouverture de session chez {bank}',
      resuming: 'Reprise de votre connexion',
      gathering: 'Récupération de vos comptes',
      retrying: 'Un instant',
    },
    stages: {
      signingIn: {
        first: 'Connexion sécurisée à {bank}…',
        second: 'Vérification de votre session auprès de {bank}…',
        third: '{bank} prend un peu plus de temps que d’habitude. Gardez cette fenêtre ouverte.',
        fourth: 'Toujours en cours. Certaines institutions prennent jusqu’à 4 minutes.',
      },
      gathering: {
        first: 'Récupération de la liste de vos comptes…',
        second: 'Récupération de vos soldes…',
        third: 'C’est presque terminé…',
        fourth: 'Toujours en cours. Certaines institutions prennent quelques minutes.',
      },
    },
  },
  accounts: {
    title: 'Quel compte souhaitez-vous relier à {customer}\u202F?',
    titleAnonymous: 'Choisissez un compte',
    legend: 'Vos comptes chez {bank}',
    number: 'Compte se terminant par {digits}',
    balance: 'Solde\u00a0: {amount}',
    owed: 'Montant dû\u00a0: {amount}',
    submit: 'Continuer',
    required: 'Sélectionnez l’un des comptes pour continuer.',
  },
  success: {
    title: 'Connexion réussie',
    body: 'Votre compte chez {bank} est maintenant relié.',
    oneAccount: '{account} chez {bank} est maintenant relié.',
    severalAccounts: '{count} comptes chez {bank} sont maintenant reliés\u00a0:',
    endingIn: 'se terminant par',
    oneMore: 'et 1 autre compte',
    more: 'et {count} autres comptes',
    continueTo: 'Retourner à {customer}',
    done: 'Terminé',
  },
  exit: {
    title: 'Quitter sans relier votre compte\u202F?',
    body: 'Votre compte n’est pas encore relié. Si vous quittez maintenant, vous devrez recommencer.',
    stay: 'Rester',
    leave: 'Quitter',
  },
  closed: {
    title: 'Connexion annulée',
    body: 'Rien n’a été relié ni transmis.',
    startAgain: 'Recommencer',
    connected: {
      title: 'C’est terminé',
      body: 'Vous pouvez fermer cette fenêtre.',
    },
    unfinished: 'La connexion a pris fin avant d’être terminée.',
  },
  credentials: {
    forgotUsername: 'Nom d’utilisateur oublié\u202F?',
    lastTry: 'Il vous reste un essai. Ensuite, {bank} pourrait bloquer votre compte.',
    notes: {
      cleared: 'Nous avons vidé ce champ par mesure de sécurité.',
    },
  },
};
