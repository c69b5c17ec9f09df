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
    sandbox: true,
  },
  {
    id: 'FlinksCapitalOAuth',
    name: { en: 'Flinks Capital (OAuth)', fr: 'Flinks Capital (OAuth)' },
    // The same sandbox bank: its site's pages serve both.
    website: '/sandbox-bank/',
    sandbox: true,
    signIn: 'oauth',
  },
  {
    id: 'RBC',
    name: { en: 'RBC Royal Bank', fr: 'RBC Banque Royale' },
    website: 'https://www.rbcroyalbank.com',
    popularRank: 1,
    aliases: ['Royal Bank of Canada', 'Banque Royale du Canada'],
  },
  {
    id: 'TD',
    name: { en: 'TD Canada Trust', fr: 'TD Canada Trust' },
    website: 'https://www.td.com/ca',
    popularRank: 2,
    aliases: ['Toronto-Dominion'],
  },
  {
    id: 'BMO',
    name: { en: 'BMO Bank of Montreal', fr: 'BMO Banque de Montréal' },
    website: 'https://www.bmo.com',
    popularRank: 3,
  },
  {
    id: 'Scotia',
    name: { en: 'Scotiabank', fr: 'Banque Scotia' },
    website: 'https://www.scotiabank.com',
    popularRank: 4,
    aliases: ['BNS'],
  },
  {
    id: 'CIBC',
    name: { en: 'CIBC', fr: 'CIBC' },
    website: 'https://www.cibc.com',
    popularRank: 5,
  },
  {
    id: 'Desjardins',
    name: { en: 'Desjardins', fr: 'Desjardins' },
    website: 'https://www.desjardins.com',
    popularRank: 6,
    aliases: ['Caisse Desjardins', 'Mouvement Desjardins'],
  },
  {
    id: 'National',
    name: { en: 'National Bank', fr: 'Banque Nationale' },
    website: 'https://www.nbc.ca',
    popularRank: 7,
    aliases: ['BNC', 'NBC', 'National Bank of Canada', 'Banque Nationale du Canada'],
  },
  {
    id: 'Tangerine',
    name: { en: 'Tangerine', fr: 'Tangerine' },
    website: 'https://www.tangerine.ca',
    popularRank: 8,
  },
  {
    id: 'Laurentienne',
    name: { en: 'Laurentian Bank', fr: 'Banque Laurentienne' },
    website: 'https://www.laurentianbank.ca',
  },
  {
    id: 'HSBC',
    name: { en: 'HSBC Canada', fr: 'HSBC Canada' },
    website: 'https://www.hsbc.ca',
  },
  {
    id: 'ATB',
    name: { en: 'ATB Financial', fr: 'ATB Financial' },
    website: 'https://www.atb.com',
  },
  {
    id: 'Simplii',
    name: { en: 'Simplii Financial', fr: 'Simplii Financial' },
    website: 'https://www.simplii.com',
  },
  {
    id: 'EQBank',
    name: { en: 'EQ Bank', fr: 'Banque EQ' },
    website: 'https://www.eqbank.ca',
  },
  {
    id: 'CoastCapital',
    name: { en: 'Coast Capital', fr: 'Coast Capital' },
    website: 'https://www.coastcapitalsavings.com',
  },
  {
    id: 'Vancity',
    name: { en: 'Vancity', fr: 'Vancity' },
    website: 'https://www.vancity.com',
  },
  {
    id: 'Meridian',
    name: { en: 'Meridian', fr: 'Meridian' },
    website: 'https://www.meridiancu.ca',
  },
];
