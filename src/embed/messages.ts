import type { Language, Translation } from '../i18n/types';

/**
 * Strings of the embed page's own screens (the configuration screen) and of the host frame.
 * Parameter names and values stay in code font and are never translated: a developer searches for them.
 */
const en = {
  configuration: {
    title: 'This page needs a settings change',
    body: 'The website that opened this page sent settings we can’t use. Nothing you did caused this. Go back to that website and try again later.',
    detailsHeading: 'Details for the website’s developers',
    problems: {
      missingConfig: 'This page was sent without its connect-config settings.',
      framingOriginNotAllowed:
        'The page that frames this one is not on an origin listed in CONNECT_ALLOWED_ORIGINS: add its origin there, or pass parentOrigin.',
      framingOriginUnknown:
        'The origin of the page that frames this one could not be established (no ancestorOrigins, no referrer, and CONNECT_ALLOWED_ORIGINS has more than one entry): pass parentOrigin.',
      parentOriginNotAllowed: 'parentOrigin must be one of the origins listed in CONNECT_ALLOWED_ORIGINS.',
      sessionTokenMissing:
        'sessionToken is required by this server: create a connect session from your backend (POST /connect/sessions) and pass its sessionToken.',
    },
  },
};

export type EmbedMessages = typeof en;

const fr: Translation<EmbedMessages> = {
  configuration: {
    title: 'Paramètres de cette page à revoir',
    body: 'Le site Web qui a ouvert cette page a transmis des paramètres que nous ne pouvons pas utiliser. Vous n’y êtes pour rien. Retournez sur ce site et réessayez plus tard.',
    detailsHeading: 'Détails pour les développeurs du site Web',
    problems: {
      missingConfig: 'Cette page a été envoyée sans ses paramètres connect-config.',
      framingOriginNotAllowed:
        'La page qui intègre celle-ci n’est pas sur une origine inscrite dans CONNECT_ALLOWED_ORIGINS\u00a0: ajoutez-y son origine, ou transmettez parentOrigin.',
      framingOriginUnknown:
        'L’origine de la page qui intègre celle-ci n’a pas pu être établie (ni ancestorOrigins, ni référent, et CONNECT_ALLOWED_ORIGINS compte plus d’une entrée)\u00a0: transmettez parentOrigin.',
      parentOriginNotAllowed:
        'Le paramètre parentOrigin doit être l’une des origines inscrites dans CONNECT_ALLOWED_ORIGINS.',
      sessionTokenMissing:
        'Ce serveur exige le paramètre sessionToken : créez une session de connexion depuis votre serveur (POST /connect/sessions) et transmettez son sessionToken.',
    },
  },
};

export const embedMessages: Record<Language, EmbedMessages> = { en, fr };

/**
 * The page a whole-window success lands on when it has nowhere else to go: drawn by the server alone
 * (server/connected-page.ts), so kept apart from `embedMessages`, which the embed page's script carries.
 */
const connectedEn = {
  title: 'Your bank account is connected',
  body: 'You can close this page and go back to the website that asked for the connection.',
};

export const connectedPageMessages: Record<Language, typeof connectedEn> = {
  en: connectedEn,
  fr: {
    title: 'Votre compte bancaire est connecté',
    body: 'Vous pouvez fermer cette page et retourner sur le site Web qui a demandé la connexion.',
  },
};

/**
 * Said (as each button's description) while the server-drawn first screen waits for its script: on a form, that the
 * person can type; on any other screen (the bank list), only that the button works a moment later.
 */
export const hydrationWait: Record<Language, { form: string; page: string }> = {
  en: {
    form: 'The form is getting ready. You can type now; this button works in a moment.',
    page: 'The page is getting ready. This button works in a moment.',
  },
  fr: {
    form: 'Le formulaire se prépare. Vous pouvez déjà écrire\u202f; ce bouton fonctionnera dans un instant.',
    page: 'La page se prépare. Ce bouton fonctionnera dans un instant.',
  },
};

/** The iframe's accessible name, kept apart so the tiny host SDK carries nothing else. */
export const frameTitles: Record<Language, string> = {
  en: 'Connect your bank account',
  fr: 'Connexion de votre compte bancaire',
};
