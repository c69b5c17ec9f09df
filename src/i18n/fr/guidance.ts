import type { Messages } from '../catalog';

// Typographie : \u00A0 (espace insécable) avant « : » et à l’intérieur des guillemets, \u202F (espace fine
// insécable) avant « ? », « ! » et « ; ».
const setupScreen = {
  title: 'Nous n’avons pas pu lancer la connexion',
  body: 'Un problème de notre côté l’a empêchée, et vous n’y êtes pour rien. Réessayez ou revenez plus tard.',
};

/** Chaînes françaises de l'espace `guidance`. `{bank}` est le nom de l’institution financière. */
export const guidance: Messages['guidance'] = {
  codes: {
    INVALID_USERNAME: {
      title: '{bank} ne reconnaît pas ce nom d’utilisateur',
      body: 'Cherchez une faute de frappe, ou essayez plutôt votre numéro de carte.',
    },
    INVALID_PASSWORD: {
      title: '{bank} a refusé ce mot de passe',
      body: 'Tapez-le de nouveau, en respectant les majuscules.',
    },
    INVALID_LOGIN: {
      title: '{bank} n’a pas accepté ces informations',
      body: 'Le nom d’utilisateur ou le mot de passe n’est pas le bon. Vérifiez les deux, puis réessayez.',
    },
    MAXIMUM_RETRY_REACHED: {
      title: 'Trop d’essais chez {bank} pour le moment',
      body: 'Pour protéger votre compte, vérifiez ou réinitialisez d’abord votre mot de passe sur le site de {bank}. Revenez ensuite pour relier votre compte.',
    },
    INVALID_SECURITY_RESPONSE: {
      title: '{bank} n’a pas accepté cette réponse',
      body: 'Entrez-la exactement comme vous l’avez définie au départ.',
    },
    INVALID_SECURITY_RESPONSE_NO_RETRY: {
      title: '{bank} n’accepte plus de réponses pour l’instant',
      body: '{bank} a refusé les réponses et ne permet pas d’autre essai pour le moment. Revenez plus tard ou choisissez une autre institution.',
    },
    SECURITYRESPONSES_INCOMPLETE: {
      title: 'Répondez à chaque question',
      body: '{bank} a besoin d’une réponse à chaque question. Remplissez celles qui sont vides, puis envoyez-les de nouveau.',
    },
    UNKNOWN_CHALLENGE_KEY: {
      title: '{bank} pose une nouvelle question',
      body: '{bank} a changé sa question de sécurité. Répondez à la nouvelle question ci-dessous.',
    },
    QUESTION_NOT_FOUND: {
      title: 'Nouvelle question de sécurité chez {bank}',
      body: '{bank} pose une question à laquelle cette connexion enregistrée n’a pas de réponse. Ouvrez une session de nouveau pour y répondre.',
    },
    NEW_ACCOUNT: {
      title: 'Action requise sur le site de {bank}',
      body: 'Ouvrez-y une session et faites d’abord ce qui vous est demandé, par exemple accepter de nouvelles conditions. Revenez ensuite et réessayez.',
    },
    DISABLED_LOGIN: {
      title: 'Accès en ligne désactivé chez {bank}',
      body: '{bank} a désactivé l’accès en ligne pour ce nom d’utilisateur. Communiquez avec {bank}\u00A0: c’est la seule façon de le réactiver.',
    },
    UNAUTHORIZED: {
      title: '{bank} n’a pas autorisé la connexion',
      body: '{bank} ne nous a pas permis d’accéder à votre compte. Ouvrir une session sur son site pourrait vous indiquer pourquoi.',
    },
    RETRY_LATER: {
      title: '{bank} est injoignable pour le moment',
      body: '{bank} fait peut-être de la maintenance ou reçoit trop de demandes.',
    },
    AGGREGATION_ERROR: {
      title: 'Problème du service de connexion',
      body: 'Vous n’y êtes pour rien. Réessayez\u202F; si cela se reproduit, communiquez avec le soutien technique de l’application que vous utilisez et donnez-lui la référence ci-dessous.',
    },
    TOO_MANY_REQUESTS: {
      title: 'Prenons une petite pause',
      body: 'Il y a eu trop de tentatives en peu de temps.',
    },
    NETWORK_ERROR: {
      title: 'La connexion a été interrompue',
      body: 'Votre appareil a perdu sa connexion Internet. Vérifiez-la et réessayez.',
    },
    TIMEOUT: {
      title: '{bank} met trop de temps à répondre',
      body: '{bank} n’a pas répondu à temps. Réessayez ou choisissez une autre institution.',
    },
    CONCURRENT_SESSION: {
      title: 'Ce compte est ouvert ailleurs',
      body: 'Vous reliez déjà ce compte dans une autre fenêtre ou un autre onglet. Fermez-le, puis réessayez.',
    },
    CARD_IN_USE: {
      title: 'Votre compte est encore en préparation',
      body: 'Nous préparons encore votre compte chez {bank}. Réessayez dans quelques minutes.',
    },
    SESSION_EXPIRED: {
      title: 'Votre session s’est fermée',
      body: 'Par sécurité, la session s’est fermée après 8\u00A0minutes d’inactivité. Recommencez pour relier votre compte.',
    },
    SESSION_NONEXISTENT: {
      title: 'Cette session est terminée',
      body: 'Recommencez pour relier votre compte.',
    },
    OPERATION_PENDING: {
      title: 'Nous récupérons vos comptes',
      body: '{bank} nous transmet les renseignements de vos comptes. Cela peut prendre une minute.',
    },
    OPERATION_DISPATCHED: {
      title: '{bank} répond lentement',
      body: 'Les renseignements de vos comptes finiront d’arriver en arrière-plan\u00A0: vous pouvez donc continuer dès maintenant, ou attendre ici.',
    },
    ALREADY_AUTHORIZED: {
      title: 'Votre compte est déjà relié',
      body: '{bank} a déjà approuvé cette connexion. Nous passons à l’étape suivante.',
    },
    DISABLED_INSTITUTION: {
      title: '{bank} n’est pas disponible pour l’instant',
      body: 'Les connexions à {bank} sont suspendues pour le moment. Choisissez une autre institution ou revenez plus tard.',
    },
    NO_TRANSACTION: {
      title: 'Pas assez d’activité chez {bank} pour l’instant',
      body: 'Ce compte chez {bank} n’a pas encore assez d’opérations pour être relié. Choisissez une autre institution ou revenez plus tard.',
    },
    OAUTH_DENIED: {
      title: 'Connexion non approuvée chez {bank}',
      body: 'Rien n’a été transmis. Si vous vouliez l’approuver, réessayez.',
    },
    OAUTH_CANCELLED: {
      title: 'La page de {bank} s’est fermée',
      body: 'La connexion n’était pas encore approuvée. Rouvrez la page pour terminer.',
    },
    OAUTH_STATE_INVALID: {
      title: 'Recommençons',
      body: 'Le retour de {bank} ne correspond pas à cette connexion ou a déjà servi. Recommencez pour relier votre compte.',
    },
    INVALID_REQUEST: setupScreen,
    ACCESS_DENIED: setupScreen,
    METHOD_NOT_AVAILABLE: setupScreen,
    MALFORMED_RESPONSE: setupScreen,
    UNKNOWN: setupScreen,
  },

  variants: {
    reconnect: {
      title: 'Ouvrez de nouveau une session chez {bank}',
      body: 'Cette connexion enregistrée à {bank} n’existe plus. Entrez votre nom d’utilisateur et votre mot de passe pour relier votre compte.',
    },
    lastTry: {
      title: 'Attention\u00A0: il vous reste un essai',
      body: '{bank} n’a pas accepté cette réponse. Prenez votre temps\u00A0: si la prochaine est refusée, {bank} pourrait bloquer votre compte.',
    },
    answersLocked: {
      title: 'Trop de réponses chez {bank} pour l’instant',
      body: 'Pour protéger votre compte, {bank} n’accepte plus de réponses pour l’instant. Vérifiez vos questions de sécurité auprès de {bank}, sur son site ou par téléphone, puis revenez.',
    },
    offline: {
      title: 'Vous êtes hors ligne',
      body: 'Votre appareil n’est pas connecté à Internet. Nous réessaierons dès que vous serez de nouveau en ligne.',
    },
    sessionEnded: {
      title: 'Votre session sécurisée a pris fin',
      body: 'Pour votre sécurité, elle s’est fermée avant que votre compte soit relié, et rien n’a été transmis. L’application en ouvrira une nouvelle pour vous.',
    },
  },

  actions: {
    tryAgain: 'Réessayer',
    answerAgain: 'Répondre de nouveau',
    reenter: 'Ouvrir une session de nouveau',
    startAgain: 'Recommencer',
    openBankSite: 'Aller sur le site de {bank}',
    contactBank: 'Comment joindre {bank}',
    doneTryAgain: 'C’est fait, réessayer',
    chooseAnotherBank: 'Choisir une autre institution',
    reopenBank: 'Rouvrir la page',
    forgotPassword: 'Mot de passe oublié\u202F?',
    forgotUsername: 'Nom d’utilisateur oublié\u202F?',
    contactSupport: 'Communiquer avec le soutien technique',
    finishNow: 'Continuer maintenant',
    keepWaiting: 'Attendre ici',
    exit: 'Quitter',
  },

  reference: 'Référence pour le soutien\u00A0: {ref}',
  countdown: 'Vous pourrez réessayer dans {seconds}\u00A0secondes.',
  countdownOne: 'Vous pourrez réessayer dans 1\u00A0seconde.',
  countdownOver: 'Vous pouvez réessayer maintenant.',
  signInCountdown: {
    many: 'Vous pourrez ouvrir une session de nouveau dans {seconds}\u00A0secondes.',
    one: 'Vous pourrez ouvrir une session de nouveau dans 1\u00A0seconde.',
    over: 'Vous pouvez maintenant ouvrir une session de nouveau.',
  },
  retryingSoon: 'Nouvel essai dans quelques secondes…',

  map: {
    caption: 'Ce que le module de connexion affiche pour chaque code',
    code: 'Code',
    kind: 'Type',
    title: 'Titre',
    actions: 'Actions',
    noActions: 'Aucune',
  },
  kinds: {
    field: 'Formulaire de connexion',
    mfa: 'Question de sécurité',
    wait: 'Attente',
    retry: 'Nouvel essai',
    restart: 'Recommencer',
    bank: 'Action auprès de l’institution',
    blocked: 'Institution non disponible',
    setup: 'Configuration',
    none: 'Aucun écran',
  },
};
