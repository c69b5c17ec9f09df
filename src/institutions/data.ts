import type { Institution } from './types';

/**
 * The Canadian institutions the widget offers without asking Flinks (reference/institutions.md).
 * `id` is Flinks' `Institution` string, case included. Flinks Capital is the sandbox bank, listed only with `demo`.
 */
export const INSTITUTIONS: readonly Institution[] = [
  {
    id: 'FlinksCapital',
    name: { en: 'Flinks Capital', fr: 'Flinks Capital' },
    // Its small site on the sandbox server (server/sandbox-bank.ts), so every guidance screen shows its links.
    website: '/sandbox-bank/',
    forgotPasswordUrl: { en: '/sandbox-bank/en/forgot-password', fr: '/sandbox-bank/fr/mot-de-passe-oublie' },
    contactUrl: { en: '/sandbox-bank/en/contact', fr: '/sandbox-bank/fr/nous-joindre' },
    sandbox: true,
  },
  {
    id: 'RBC',
    name: { en: 'RBC Royal Bank', fr: 'RBC Banque Royale' },
    website: 'https://www.rbcroyalbank.com',
    forgotPasswordUrl: {
      en: 'https://www.rbcroyalbank.com/onlinebanking/help/sign-in.html',
      fr: 'https://www.rbcbanqueroyale.com/servicesbancairesenligne/aide/ouverture-de-session.html',
    },
    contactUrl: {
      en: 'https://www.rbcroyalbank.com/contact-us/index.html',
      fr: 'https://www.rbcbanqueroyale.com/contactez-nous/index.html',
    },
    popularRank: 1,
  },
  {
    id: 'TD',
    name: { en: 'TD Canada Trust', fr: 'TD Canada Trust' },
    website: 'https://www.td.com/ca',
    forgotPasswordUrl: {
      en: 'https://www.td.com/ca/en/personal-banking/how-to/easyweb/reset-password',
      fr: 'https://www.td.com/ca/fr/services-bancaires-personnels/comment/easyweb/reinitialiser-mot-de-passe',
    },
    contactUrl: {
      en: 'https://www.td.com/ca/en/personal-banking/contact-us',
      fr: 'https://www.td.com/ca/fr/services-bancaires-personnels/nous-joindre',
    },
    popularRank: 2,
  },
  {
    id: 'BMO',
    name: { en: 'BMO Bank of Montreal', fr: 'BMO Banque de Montréal' },
    website: 'https://www.bmo.com',
    forgotPasswordUrl: {
      en: 'https://www.bmo.com/main/personal/ways-to-bank/online-banking/forgot-password/',
      fr: 'https://www.bmo.com/principal/particuliers/facons-de-faire-vos-operations-bancaires/services-bancaires-en-ligne/mot-de-passe-oublie/',
    },
    contactUrl: {
      en: 'https://www.bmo.com/main/personal/contact-us/',
      fr: 'https://www.bmo.com/principal/particuliers/nous-joindre/',
    },
    popularRank: 3,
  },
  {
    id: 'Scotia',
    name: { en: 'Scotiabank', fr: 'Banque Scotia' },
    website: 'https://www.scotiabank.com',
    forgotPasswordUrl: {
      en: 'https://www.scotiabank.com/ca/en/personal/ways-to-bank/online-banking/sign-in-help.html',
      fr: 'https://www.scotiabank.com/ca/fr/particuliers/facons-de-faire-affaire/services-bancaires-en-ligne/aide-ouverture-session.html',
    },
    contactUrl: {
      en: 'https://www.scotiabank.com/ca/en/contact-us.html',
      fr: 'https://www.scotiabank.com/ca/fr/joignez-nous.html',
    },
    popularRank: 4,
  },
  {
    id: 'CIBC',
    name: { en: 'CIBC', fr: 'CIBC' },
    website: 'https://www.cibc.com',
    forgotPasswordUrl: {
      en: 'https://www.cibc.com/en/personal-banking/ways-to-bank/how-to/reset-online-banking-password.html',
      fr: 'https://www.cibc.com/fr/personal-banking/ways-to-bank/how-to/reset-online-banking-password.html',
    },
    contactUrl: {
      en: 'https://www.cibc.com/en/contact-us.html',
      fr: 'https://www.cibc.com/fr/contact-us.html',
    },
    popularRank: 5,
  },
  {
    id: 'Desjardins',
    name: { en: 'Desjardins', fr: 'Desjardins' },
    website: 'https://www.desjardins.com',
    forgotPasswordUrl: {
      en: 'https://www.desjardins.com/en/accessd/help.html',
      fr: 'https://www.desjardins.com/fr/accesd/aide.html',
    },
    contactUrl: {
      en: 'https://www.desjardins.com/en/contact-us.html',
      fr: 'https://www.desjardins.com/fr/nous-joindre.html',
    },
    popularRank: 6,
  },
  {
    id: 'National',
    name: { en: 'National Bank', fr: 'Banque Nationale' },
    website: 'https://www.nbc.ca',
    forgotPasswordUrl: {
      en: 'https://www.nbc.ca/personal/accounts/online-banking/help.html',
      fr: 'https://www.bnc.ca/particuliers/comptes/services-bancaires-en-ligne/aide.html',
    },
    contactUrl: { en: 'https://www.nbc.ca/contact-us.html', fr: 'https://www.bnc.ca/nous-joindre.html' },
    popularRank: 7,
  },
  {
    id: 'Tangerine',
    name: { en: 'Tangerine', fr: 'Tangerine' },
    website: 'https://www.tangerine.ca',
    forgotPasswordUrl: {
      en: 'https://www.tangerine.ca/en/help-centre/sign-in',
      fr: 'https://www.tangerine.ca/fr/centre-aide/ouverture-de-session',
    },
    contactUrl: {
      en: 'https://www.tangerine.ca/en/contact-us',
      fr: 'https://www.tangerine.ca/fr/nous-joindre',
    },
    popularRank: 8,
  },
  {
    id: 'Laurentienne',
    name: { en: 'Laurentian Bank', fr: 'Banque Laurentienne' },
    website: 'https://www.laurentianbank.ca',
    contactUrl: {
      en: 'https://www.laurentianbank.ca/en/contact-us',
      fr: 'https://www.banquelaurentienne.ca/fr/nous-joindre',
    },
  },
  {
    id: 'HSBC',
    name: { en: 'HSBC Canada', fr: 'HSBC Canada' },
    website: 'https://www.hsbc.ca',
    forgotPasswordUrl: {
      en: 'https://www.hsbc.ca/online-banking/help/',
      fr: 'https://www.hsbc.ca/fr-ca/online-banking/help/',
    },
    contactUrl: { en: 'https://www.hsbc.ca/contact/', fr: 'https://www.hsbc.ca/fr-ca/contact/' },
  },
  {
    id: 'ATB',
    name: { en: 'ATB Financial', fr: 'ATB Financial' },
    website: 'https://www.atb.com',
    contactUrl: {
      en: 'https://www.atb.com/personal/contact-us/',
      fr: 'https://www.atb.com/personal/contact-us/',
    },
  },
  {
    id: 'Simplii',
    name: { en: 'Simplii Financial', fr: 'Simplii Financial' },
    website: 'https://www.simplii.com',
    contactUrl: {
      en: 'https://www.simplii.com/en/contact-us.html',
      fr: 'https://www.simplii.com/fr/nous-joindre.html',
    },
  },
  {
    id: 'EQBank',
    name: { en: 'EQ Bank', fr: 'Banque EQ' },
    website: 'https://www.eqbank.ca',
    contactUrl: { en: 'https://www.eqbank.ca/contact-us', fr: 'https://www.eqbank.ca/fr/contactez-nous' },
  },
  {
    id: 'CoastCapital',
    name: { en: 'Coast Capital', fr: 'Coast Capital' },
    website: 'https://www.coastcapitalsavings.com',
    contactUrl: {
      en: 'https://www.coastcapitalsavings.com/contact-us',
      fr: 'https://www.coastcapitalsavings.com/contact-us',
    },
  },
  {
    id: 'Vancity',
    name: { en: 'Vancity', fr: 'Vancity' },
    website: 'https://www.vancity.com',
    contactUrl: { en: 'https://www.vancity.com/contact-us/', fr: 'https://www.vancity.com/contact-us/' },
  },
  {
    id: 'Meridian',
    name: { en: 'Meridian', fr: 'Meridian' },
    website: 'https://www.meridiancu.ca',
    contactUrl: { en: 'https://www.meridiancu.ca/contact-us', fr: 'https://www.meridiancu.ca/contact-us' },
  },
];
