import type { BankPages } from './types';

/**
 * Each bank's "forgot password" and "contact us" pages, by `Institution` id, in English and French. Apart from the
 * list (data.ts) because only error screens use them: they load with the later screens, not with the first one.
 */
export const BANK_PAGES: Readonly<Record<string, BankPages>> = {
  FlinksCapital: {
    forgotPasswordUrl: { en: '/sandbox-bank/en/forgot-password', fr: '/sandbox-bank/fr/mot-de-passe-oublie' },
    contactUrl: { en: '/sandbox-bank/en/contact', fr: '/sandbox-bank/fr/nous-joindre' },
  },
  RBC: {
    forgotPasswordUrl: {
      en: 'https://www.rbcroyalbank.com/onlinebanking/help/sign-in.html',
      fr: 'https://www.rbcbanqueroyale.com/servicesbancairesenligne/aide/ouverture-de-session.html',
    },
    contactUrl: {
      en: 'https://www.rbcroyalbank.com/contact-us/index.html',
      fr: 'https://www.rbcbanqueroyale.com/contactez-nous/index.html',
    },
  },
  TD: {
    forgotPasswordUrl: {
      en: 'https://www.td.com/ca/en/personal-banking/how-to/easyweb/reset-password',
      fr: 'https://www.td.com/ca/fr/services-bancaires-personnels/comment/easyweb/reinitialiser-mot-de-passe',
    },
    contactUrl: {
      en: 'https://www.td.com/ca/en/personal-banking/contact-us',
      fr: 'https://www.td.com/ca/fr/services-bancaires-personnels/nous-joindre',
    },
  },
  BMO: {
    forgotPasswordUrl: {
      en: 'https://www.bmo.com/main/personal/ways-to-bank/online-banking/forgot-password/',
      fr: 'https://www.bmo.com/principal/particuliers/facons-de-faire-vos-operations-bancaires/services-bancaires-en-ligne/mot-de-passe-oublie/',
    },
    contactUrl: {
      en: 'https://www.bmo.com/main/personal/contact-us/',
      fr: 'https://www.bmo.com/principal/particuliers/nous-joindre/',
    },
  },
  Scotia: {
    forgotPasswordUrl: {
      en: 'https://www.scotiabank.com/ca/en/personal/ways-to-bank/online-banking/sign-in-help.html',
      fr: 'https://www.scotiabank.com/ca/fr/particuliers/facons-de-faire-affaire/services-bancaires-en-ligne/aide-ouverture-session.html',
    },
    contactUrl: {
      en: 'https://www.scotiabank.com/ca/en/contact-us.html',
      fr: 'https://www.scotiabank.com/ca/fr/joignez-nous.html',
    },
  },
  CIBC: {
    forgotPasswordUrl: {
      en: 'https://www.cibc.com/en/personal-banking/ways-to-bank/how-to/reset-online-banking-password.html',
      fr: 'https://www.cibc.com/fr/personal-banking/ways-to-bank/how-to/reset-online-banking-password.html',
    },
    contactUrl: {
      en: 'https://www.cibc.com/en/contact-us.html',
      fr: 'https://www.cibc.com/fr/contact-us.html',
    },
  },
  Desjardins: {
    forgotPasswordUrl: {
      en: 'https://www.desjardins.com/en/accessd/help.html',
      fr: 'https://www.desjardins.com/fr/accesd/aide.html',
    },
    contactUrl: {
      en: 'https://www.desjardins.com/en/contact-us.html',
      fr: 'https://www.desjardins.com/fr/nous-joindre.html',
    },
  },
  National: {
    forgotPasswordUrl: {
      en: 'https://www.nbc.ca/personal/accounts/online-banking/help.html',
      fr: 'https://www.bnc.ca/particuliers/comptes/services-bancaires-en-ligne/aide.html',
    },
    contactUrl: { en: 'https://www.nbc.ca/contact-us.html', fr: 'https://www.bnc.ca/nous-joindre.html' },
  },
  Tangerine: {
    forgotPasswordUrl: {
      en: 'https://www.tangerine.ca/en/help-centre/sign-in',
      fr: 'https://www.tangerine.ca/fr/centre-aide/ouverture-de-session',
    },
    contactUrl: {
      en: 'https://www.tangerine.ca/en/contact-us',
      fr: 'https://www.tangerine.ca/fr/nous-joindre',
    },
  },
  Laurentienne: {
    contactUrl: {
      en: 'https://www.laurentianbank.ca/en/contact-us',
      fr: 'https://www.banquelaurentienne.ca/fr/nous-joindre',
    },
  },
  HSBC: {
    forgotPasswordUrl: {
      en: 'https://www.hsbc.ca/online-banking/help/',
      fr: 'https://www.hsbc.ca/fr-ca/online-banking/help/',
    },
    contactUrl: { en: 'https://www.hsbc.ca/contact/', fr: 'https://www.hsbc.ca/fr-ca/contact/' },
  },
  ATB: {
    contactUrl: {
      en: 'https://www.atb.com/personal/contact-us/',
      fr: 'https://www.atb.com/personal/contact-us/',
    },
  },
  Simplii: {
    contactUrl: {
      en: 'https://www.simplii.com/en/contact-us.html',
      fr: 'https://www.simplii.com/fr/nous-joindre.html',
    },
  },
  EQBank: {
    contactUrl: { en: 'https://www.eqbank.ca/contact-us', fr: 'https://www.eqbank.ca/fr/contactez-nous' },
  },
  CoastCapital: {
    contactUrl: {
      en: 'https://www.coastcapitalsavings.com/contact-us',
      fr: 'https://www.coastcapitalsavings.com/contact-us',
    },
  },
  Vancity: {
    contactUrl: { en: 'https://www.vancity.com/contact-us/', fr: 'https://www.vancity.com/contact-us/' },
  },
  Meridian: {
    contactUrl: { en: 'https://www.meridiancu.ca/contact-us', fr: 'https://www.meridiancu.ca/contact-us' },
  },
};
