import type { Messages } from '../catalog';

/**
 * Chaînes françaises de l'espace `ui` : les écrans et le cadre du widget. `{bank}` est le nom de l'institution.
 * Espace insécable (U+00A0) avant : ? ! ; et à l'intérieur des « guillemets ».
 */
export const ui: Messages['ui'] = {
  widget: {
    label: 'Connexion bancaire',
    back: 'Retour',
    close: 'Fermer',
    offline:
      'Vous êtes hors ligne. Ce que vous avez saisi est conservé : continuez dès que la connexion sera rétablie.',
    loading: 'Chargement…',
    yourBank: 'votre institution financière',
    opensInNewTab: '(s’ouvre dans un nouvel onglet)',
    stepUnavailable: {
      title: 'Cet écran ne s’est pas affiché',
      body: 'Votre connexion a peut-être été interrompue pendant le chargement de cette étape. Vérifiez-la, puis réessayez.',
      retry: 'Réessayer',
    },
  },
  consent: {
    title: 'Reliez votre compte bancaire',
    intro:
      '{customer} utilise cette connexion sécurisée pour consulter les renseignements de votre compte bancaire.',
    introAnonymous:
      'Cette connexion sécurisée permet au service que vous utilisez de consulter les renseignements de votre compte bancaire.',
    sharedHeading: 'Ce qui sera partagé',
    shared: {
      accounts: 'Le nom, le numéro et le type de vos comptes',
      balances: 'Vos soldes',
      transactions: 'Vos opérations récentes',
      identity: 'Votre nom et vos coordonnées, tels que votre institution financière les connaît',
    },
    once: 'Ces renseignements sont transmis une seule fois, au moment de la connexion. Rien n’est transmis ensuite.',
    ongoing:
      'Ces renseignements sont transmis maintenant, puis tenus à jour jusqu’à ce que vous demandiez à {customer} d’arrêter.',
    ongoingAnonymous:
      'Ces renseignements sont transmis maintenant, puis tenus à jour jusqu’à ce que vous demandiez au service que vous utilisez d’arrêter.',
    notShared: 'Votre mot de passe n’est jamais transmis à {customer} ni enregistré sur cet appareil.',
    notSharedAnonymous: 'Votre mot de passe n’est jamais transmis ni enregistré sur cet appareil.',
    accept: 'Accepter et continuer',
    deny: 'Non merci',
    termsNote: 'En acceptant, vous consentez aussi aux conditions d’utilisation fournies par {customer}.',
    termsNoteAnonymous: 'En acceptant, vous consentez aussi aux conditions d’utilisation.',
    terms: 'Lire les conditions d’utilisation',
  },
  institution: {
    title: 'Choisissez votre institution financière',
    search: 'Rechercher votre institution financière',
    list: 'Institutions financières',
    popular: 'Institutions les plus utilisées',
    searchPlaceholder: 'Desjardins, Banque Nationale…',
    notFound: 'Vous ne trouvez pas votre institution\u202F?',
    results: '{count} institutions correspondent.',
    oneResult: '1 institution correspond.',
    noResults:
      'Aucune institution ne correspond à « {query} ». Vérifiez l’orthographe ou essayez le nom complet.',
  },
  credentials: {
    title: 'Ouvrez une session chez {bank}',
    intro: 'Utilisez le nom d’utilisateur et le mot de passe de vos services bancaires en ligne de {bank}.',
    username: 'Nom d’utilisateur ou numéro de carte',
    password: 'Mot de passe',
    showPassword: 'Afficher le mot de passe',
    hidePassword: 'Masquer le mot de passe',
    capsLock: 'La touche de verrouillage des majuscules est activée.',
    submit: 'Ouvrir une session',
    waitForScript:
      'Le formulaire se prépare. Vous pouvez déjà écrire\u202f; ce bouton fonctionnera dans un instant.',
    privacy:
      'Votre mot de passe est transmis directement à {bank} par une connexion sécurisée. Il n’est jamais enregistré.',
    forgotPassword: 'Mot de passe oublié\u202F?',
    required: {
      username: 'Entrez votre nom d’utilisateur ou votre numéro de carte.',
      password: 'Entrez votre mot de passe.',
    },
  },
};
