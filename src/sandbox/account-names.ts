/** The made-up names, places and merchants the sandbox's account data is drawn from. */

export const FIRST_NAMES = [
  'Émilie',
  'Jonathan',
  'Sophie',
  'Marc-André',
  'Priya',
  'Daniel',
  'Chloé',
  'Samuel',
  'Aisha',
  'Olivier',
];
export const LAST_NAMES = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'MacDonald',
  'Singh',
  'Bouchard',
  'Wong',
  'Côté',
  'Martin',
  'Leblanc',
];
export const STREETS = [
  'Rue Sherbrooke Est',
  'Avenue du Parc',
  'Queen Street West',
  'Robson Street',
  'Boulevard René-Lévesque',
];
export const CITIES = [
  { city: 'Montréal', province: 'QC', postal: 'H2X', area: '514' },
  { city: 'Québec', province: 'QC', postal: 'G1R', area: '418' },
  { city: 'Toronto', province: 'ON', postal: 'M5V', area: '416' },
  { city: 'Ottawa', province: 'ON', postal: 'K1P', area: '613' },
  { city: 'Vancouver', province: 'BC', postal: 'V6B', area: '604' },
  { city: 'Calgary', province: 'AB', postal: 'T2P', area: '403' },
  { city: 'Halifax', province: 'NS', postal: 'B3H', area: '902' },
  { city: 'Winnipeg', province: 'MB', postal: 'R3C', area: '204' },
] as const;
export const EMPLOYERS = [
  'ACME LOGISTIQUE INC',
  'NORTHERN SOFTWORKS',
  'CENTRE HOSPITALIER',
  'MAPLE RETAIL LTD',
];
export const GROCERS = ['METRO', 'IGA', 'PROVIGO', 'LOBLAWS', 'SOBEYS', 'MAXI'];
export const EVERYDAY = [
  'TIM HORTONS',
  'STARBUCKS',
  'PHARMAPRIX',
  'SHOPPERS DRUG MART',
  'DOLLARAMA',
  'CANADIAN TIRE',
  'SAQ',
];
export const ONLINE = ['AMAZON.CA', 'NETFLIX.COM', 'SPOTIFY', 'UBER EATS', 'APPLE.COM/BILL'];
