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
      language: 'language must be en or fr.',
      theme: 'theme must be light or dark.',
      maximumRetry: 'maximumRetry must be a whole number from 1 to 10.',
      boolean: '{param} must be true or false.',
      choice: '{param} must be one of: {values}.',
      colour: '{param} must be a hex colour, such as 0b5cad or #0b5cad.',
      framingOriginNotAllowed:
        'The page that frames this one is not on an origin listed in CONNECT_ALLOWED_ORIGINS: add its origin there, or pass parentOrigin.',
      framingOriginUnknown:
        'The origin of the page that frames this one could not be established (no ancestorOrigins, no referrer, and CONNECT_ALLOWED_ORIGINS has more than one entry): pass parentOrigin.',
      parentOriginInvalid: 'parentOrigin must be an origin, such as https://www.example.com.',
      parentOriginNotAllowed: 'parentOrigin must be one of the origins listed in CONNECT_ALLOWED_ORIGINS.',
      redirectUrlInvalid: 'redirectUrl must be a full http or https address.',
      termsUrlInvalid: 'termsUrl must be a full http or https address.',
      redirectUrlNotAllowed:
        'redirectUrl must point to one of the origins listed in CONNECT_ALLOWED_ORIGINS.',
      redirectUrlNotParent:
        'redirectUrl must be on the origin of the page that embeds this one (parentOrigin).',
      redirectUrlCredentials: 'redirectUrl must not carry a user name or a password.',
      redirectUrlDeepLink:
        'redirectUrl may be an app link (such as myapp://connected) only with webview=true; otherwise it must be an http or https address.',
      redirectUrlSchemeNotAllowed:
        'redirectUrl may be an app link only in a scheme this server names in CONNECT_APP_SCHEMES (such as myapp for myapp://connected).',
      tooLong: '{param} is too long.',
      sessionTokenMissing:
        'sessionToken is required by this server: create a connect session from your backend (POST /connect/sessions) and pass its sessionToken.',
    },
  },
  connected: {
    title: 'Your bank account is connected',
    body: 'You can close this page and go back to the website that asked for the connection.',
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
      language: 'Le paramètre language doit valoir en ou fr.',
      theme: 'Le paramètre theme doit valoir light ou dark.',
      maximumRetry: 'Le paramètre maximumRetry doit être un nombre entier de 1 à 10.',
      boolean: 'Le paramètre {param} doit valoir true ou false.',
      choice: 'Le paramètre {param} doit valoir l’une de ces valeurs\u00a0: {values}.',
      colour: 'Le paramètre {param} doit être une couleur hexadécimale, par exemple 0b5cad ou #0b5cad.',
      framingOriginNotAllowed:
        'La page qui intègre celle-ci n’est pas sur une origine inscrite dans CONNECT_ALLOWED_ORIGINS\u00a0: ajoutez-y son origine, ou transmettez parentOrigin.',
      framingOriginUnknown:
        'L’origine de la page qui intègre celle-ci n’a pas pu être établie (ni ancestorOrigins, ni référent, et CONNECT_ALLOWED_ORIGINS compte plus d’une entrée)\u00a0: transmettez parentOrigin.',
      parentOriginInvalid:
        'Le paramètre parentOrigin doit être une origine, par exemple https://www.example.com.',
      parentOriginNotAllowed:
        'Le paramètre parentOrigin doit être l’une des origines inscrites dans CONNECT_ALLOWED_ORIGINS.',
      redirectUrlInvalid: 'Le paramètre redirectUrl doit être une adresse complète en http ou https.',
      termsUrlInvalid: 'Le paramètre termsUrl doit être une adresse complète en http ou https.',
      redirectUrlNotAllowed:
        'Le paramètre redirectUrl doit mener à l’une des origines inscrites dans CONNECT_ALLOWED_ORIGINS.',
      redirectUrlNotParent:
        'Le paramètre redirectUrl doit mener à l’origine de la page qui intègre celle-ci (parentOrigin).',
      redirectUrlCredentials:
        'Le paramètre redirectUrl ne doit contenir ni nom d’utilisateur ni mot de passe.',
      redirectUrlDeepLink:
        'Le paramètre redirectUrl ne peut être un lien d’application (par exemple myapp://connected) qu’avec webview=true\u00a0; sinon, il doit être une adresse en http ou https.',
      redirectUrlSchemeNotAllowed:
        'Le paramètre redirectUrl ne peut être un lien d’application que dans un schéma que ce serveur déclare dans CONNECT_APP_SCHEMES (par exemple myapp pour myapp://connected).',
      tooLong: 'Le paramètre {param} est trop long.',
      sessionTokenMissing:
        'Ce serveur exige le paramètre sessionToken : créez une session de connexion depuis votre serveur (POST /connect/sessions) et transmettez son sessionToken.',
    },
  },
  connected: {
    title: 'Votre compte bancaire est connecté',
    body: 'Vous pouvez fermer cette page et retourner sur le site Web qui a demandé la connexion.',
  },
};

export const embedMessages: Record<Language, EmbedMessages> = { en, fr };

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
