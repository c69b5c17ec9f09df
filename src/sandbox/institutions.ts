import { BUILT_IN_LOGOS } from '../institutions/logos';
import { generateCatalog, SANDBOX_CATALOG_SIZE } from './catalog';

/** A bank as the sandbox lists it. Every one of them behaves like Flinks Capital: same personas, same answers. */
export interface SandboxInstitution {
  /** Flinks' `Institution` identifier, as /Authorize takes it (case matters). */
  id: string;
  /** Flinks' numeric id (`InstitutionId` in some replies). */
  numericId: number;
  name: { en: string; fr: string };
  website: string | null;
  /** The Canadian institution number printed on cheques (3 digits). */
  institutionNumber: string;
}

function bank(
  id: string,
  numericId: number,
  en: string,
  fr: string,
  website: string | null,
  institutionNumber: string,
): SandboxInstitution {
  return { id, numericId, name: { en, fr }, website, institutionNumber };
}

export const FLINKS_CAPITAL = bank('FlinksCapital', 14, 'Flinks Capital', 'Flinks Capital', null, '777');

/** Flinks Capital signing in on its own page (OAuth): the sandbox bank page asks "Allow" or "Deny". */
export const FLINKS_CAPITAL_OAUTH = bank(
  'FlinksCapitalOAuth',
  18,
  'Flinks Capital (OAuth)',
  'Flinks Capital (OAuth)',
  null,
  '777',
);

/** The sandbox's answer to GET /Institutions: Flinks Capital and the Canadian banks of reference/institutions.md. */
export const SANDBOX_INSTITUTIONS: readonly SandboxInstitution[] = [
  FLINKS_CAPITAL,
  FLINKS_CAPITAL_OAUTH,
  bank('RBC', 1, 'RBC Royal Bank', 'RBC Banque Royale', 'https://www.rbcroyalbank.com', '003'),
  bank('TD', 2, 'TD Canada Trust', 'TD Canada Trust', 'https://www.td.com/ca', '004'),
  bank('BMO', 3, 'BMO Bank of Montreal', 'BMO Banque de Montréal', 'https://www.bmo.com', '001'),
  bank('Scotia', 4, 'Scotiabank', 'Banque Scotia', 'https://www.scotiabank.com', '002'),
  bank('CIBC', 5, 'CIBC', 'CIBC', 'https://www.cibc.com', '010'),
  bank('Desjardins', 6, 'Desjardins', 'Desjardins', 'https://www.desjardins.com', '815'),
  bank('National', 7, 'National Bank', 'Banque Nationale', 'https://www.nbc.ca', '006'),
  bank('Tangerine', 8, 'Tangerine', 'Tangerine', 'https://www.tangerine.ca', '614'),
  bank('Laurentienne', 9, 'Laurentian Bank', 'Banque Laurentienne', 'https://www.laurentianbank.ca', '039'),
  bank('HSBC', 10, 'HSBC Canada', 'HSBC Canada', 'https://www.hsbc.ca', '016'),
  bank('ATB', 11, 'ATB Financial', 'ATB Financial', 'https://www.atb.com', '219'),
  bank('Simplii', 12, 'Simplii Financial', 'Simplii Financial', 'https://www.simplii.com', '010'),
  bank('EQBank', 13, 'EQ Bank', 'Banque EQ', 'https://www.eqbank.ca', '623'),
  bank('CoastCapital', 15, 'Coast Capital', 'Coast Capital', 'https://www.coastcapitalsavings.com', '809'),
  bank('Vancity', 16, 'Vancity', 'Vancity', 'https://www.vancity.com', '809'),
  bank('Meridian', 17, 'Meridian', 'Meridian', 'https://www.meridiancu.ca', '837'),
];

const byId = new Map(SANDBOX_INSTITUTIONS.map((institution) => [institution.id, institution]));

export function institutionFor(id: string): SandboxInstitution | undefined {
  return byId.get(id);
}

/**
 * One item of GET /Institutions, in Flinks' shape (`Id`, localized `Name` and `Url`, `Country`). `OAuth` (present
 * only when true) marks a bank that signs people in on its own page; Flinks' own name for that flag is not published.
 */
export interface InstitutionItem {
  Id: number;
  Institution: string;
  Name: { En: string; Fr: string };
  Url: { En: string | null; Fr: string | null };
  Country: 'CA' | 'US';
  OAuth?: true | undefined;
  /** The bank's logo, when the sandbox has one (Flinks Capital's, drawn for it): an inline image. */
  LogoUrl?: string | undefined;
}

export interface InstitutionsBody {
  HttpStatusCode: 200;
  Count: number;
  Institutions: InstitutionItem[];
}

/** GET /Institutions?skip&take[&countries]: `Count` is the total, `take` at most 1000 as Flinks allows. */
export function institutionsBody(query: {
  skip?: number;
  take?: number;
  countries?: string[];
  /** How many made-up institutions follow the real ones (default {@link SANDBOX_CATALOG_SIZE}). */
  generated?: number;
}): InstitutionsBody {
  const countries = query.countries?.map((country) => country.toUpperCase());
  const all = catalog(query.generated ?? SANDBOX_CATALOG_SIZE);
  const listed = countries ? all.filter((item) => countries.includes(item.Country)) : all;
  const skip = Math.max(0, query.skip ?? 0);
  const take = Math.min(1000, Math.max(0, query.take ?? 1000));
  return { HttpStatusCode: 200, Count: listed.length, Institutions: listed.slice(skip, skip + take) };
}

const catalogs = new Map<number, InstitutionItem[]>();

/** The real banks of reference/institutions.md first, then `generated` made-up ones (`catalog.ts`); built once. */
function catalog(generated: number): InstitutionItem[] {
  const known = catalogs.get(generated);
  if (known) return known;
  const items: InstitutionItem[] = [
    ...SANDBOX_INSTITUTIONS.map((institution): InstitutionItem => ({
      Id: institution.numericId,
      Institution: institution.id,
      Name: { En: institution.name.en, Fr: institution.name.fr },
      Url: { En: institution.website, Fr: institution.website },
      Country: 'CA',
      ...(institution.id === FLINKS_CAPITAL_OAUTH.id ? { OAuth: true as const } : {}),
      ...(BUILT_IN_LOGOS[institution.id] ? { LogoUrl: BUILT_IN_LOGOS[institution.id] } : {}),
    })),
    ...generateCatalog(generated).map((institution, index): InstitutionItem => ({
      Id: 1000 + index,
      Institution: institution.id,
      Name: { En: institution.name.en, Fr: institution.name.fr },
      Url: { En: null, Fr: null },
      Country: institution.country,
    })),
  ];
  catalogs.set(generated, items);
  return items;
}
