import type { Language, Translation } from '../i18n/types';

/**
 * Strings of the embed page's own screen, the configuration screen (configuration.tsx, a chunk of its own).
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
