import type { Account, Holder, Transaction } from '../api/types';
import {
  CITIES,
  EMPLOYERS,
  EVERYDAY,
  FIRST_NAMES,
  GROCERS,
  LAST_NAMES,
  ONLINE,
  STREETS,
} from './account-names';
import { between, digits, pick, seededGuid, seededRandom, type SeededRandom } from './ids';
import type { Language } from '../i18n/types';

/** What the account data of one login is generated from: the same input always gives the same accounts. */
export interface AccountsSeed {
  loginId: string;
  /** The day the data ends on (ms since epoch); transactions go back from there. */
  asOf: number;
  institutionName: string;
  institutionNumber: string;
  /** How many accounts (up to 8); drawn from the LoginId, 2 to 4, when absent. */
  count?: number;
  /** The session's language: a French session gets the accounts' names in French, as Canadian banks give them. */
  language?: Language;
}

/** The accounts' names in a French session. */
const FRENCH_TITLES: Readonly<Record<string, string>> = {
  'Chequing Account': 'Compte chèques',
  'High Interest Savings': 'Épargne à intérêt élevé',
  'Tax-Free Savings Account': 'Compte d’épargne libre d’impôt (CELI)',
  'US Dollar Chequing': 'Compte chèques en dollars américains',
  'Registered Retirement Savings Plan': 'Régime enregistré d’épargne-retraite (REER)',
  'Personal Line of Credit': 'Marge de crédit personnelle',
  'Joint Savings': 'Épargne conjointe',
};

export interface AccountsQuery {
  days: 90 | 365;
  withTransactions: boolean;
  withBalance: boolean;
  withAccountIdentity: boolean;
  /** Account ids to keep; all when absent. */
  filter?: readonly string[];
}

const DAY_MS = 86_400_000;

function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function flinksDate(time: number): string {
  const date = new Date(time);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${date.getUTCFullYear()}/${month}/${day}`;
}

function amountBetween(random: SeededRandom, min: number, max: number): number {
  return cents(min + random() * (max - min));
}

function holderFor(random: SeededRandom): Holder {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const place = pick(random, CITIES);
  const letter = () =>
    pick(random, ['A', 'B', 'C', 'E', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T']);
  const emailName = `${first}.${last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return {
    Name: `${first} ${last}`,
    Address: {
      CivicAddress: `${between(random, 10, 4999)} ${pick(random, STREETS)}`,
      City: place.city,
      Province: place.province,
      PostalCode: `${place.postal} ${digits(random, 1)}${letter()}${digits(random, 1)}`,
      POBox: null,
      Country: 'CA',
    },
    Email: `${emailName}@example.com`,
    // 555-01xx numbers are reserved for fiction.
    PhoneNumber: `(${place.area}) 555-01${digits(random, 2)}`,
  };
}

/** A movement before running balances are known: positive = money in. */
interface Movement {
  day: number;
  description: string;
  amount: number;
}

function chequingMovements(random: SeededRandom, days: number, asOf: number): Movement[] {
  const employer = pick(random, EMPLOYERS);
  const pay = amountBetween(random, 1650, 2600);
  const rent = cents(between(random, 1150, 1900));
  const payday = between(random, 0, 13);
  const movements: Movement[] = [];
  for (let day = days - 1; day >= 0; day--) {
    const date = new Date(asOf - day * DAY_MS);
    if ((day + payday) % 14 === 0)
      movements.push({ day, description: `PAYROLL DEPOSIT ${employer}`, amount: pay });
    if (date.getUTCDate() === 1)
      movements.push({ day, description: 'RENT PAYMENT E-TRANSFER', amount: -rent });
    if (date.getUTCDate() === 12) {
      movements.push({ day, description: 'HYDRO BILL PAYMENT', amount: -amountBetween(random, 60, 160) });
    }
    if (date.getUTCDate() === 20) {
      movements.push({
        day,
        description: 'BELL CANADA BILL PAYMENT',
        amount: -amountBetween(random, 65, 95),
      });
    }
    if (random() < 0.3) {
      movements.push({
        day,
        description: `${pick(random, GROCERS)} #${digits(random, 3)}`,
        amount: -amountBetween(random, 18, 190),
      });
    }
    if (random() < 0.45) {
      movements.push({
        day,
        description: `${pick(random, EVERYDAY)} #${digits(random, 4)}`,
        amount: -amountBetween(random, 2.5, 60),
      });
    }
    if (random() < 0.04)
      movements.push({ day, description: 'ATM WITHDRAWAL', amount: -cents(between(random, 2, 10) * 20) });
  }
  return movements;
}

function savingsMovements(random: SeededRandom, days: number, asOf: number): Movement[] {
  const monthly = cents(between(random, 4, 20) * 25);
  const movements: Movement[] = [];
  for (let day = days - 1; day >= 0; day--) {
    const date = new Date(asOf - day * DAY_MS);
    if (date.getUTCDate() === 2)
      movements.push({ day, description: 'TRANSFER FROM CHEQUING', amount: monthly });
    if (date.getUTCDate() === 28)
      movements.push({ day, description: 'INTEREST', amount: amountBetween(random, 0.5, 9) });
  }
  return movements;
}

/** Positive = purchases (the amount owed grows), negative = payments. */
function creditCardMovements(random: SeededRandom, days: number, asOf: number): Movement[] {
  const movements: Movement[] = [];
  for (let day = days - 1; day >= 0; day--) {
    const date = new Date(asOf - day * DAY_MS);
    if (random() < 0.35) {
      const merchant = random() < 0.5 ? pick(random, ONLINE) : pick(random, EVERYDAY);
      movements.push({ day, description: merchant, amount: amountBetween(random, 4, 140) });
    }
    if (date.getUTCDate() === 22)
      movements.push({ day, description: 'PAYMENT - THANK YOU', amount: -amountBetween(random, 250, 900) });
  }
  return movements;
}

/**
 * Turns movements into Flinks transactions, newest first, with the running balance ending on `closing`.
 * `owed`: a credit account, where a positive movement is a debit that raises the balance.
 */
function transactions(
  random: SeededRandom,
  movements: Movement[],
  closing: number,
  asOf: number,
  owed: boolean,
): Transaction[] {
  let balance = closing;
  const newestFirst = [...movements].reverse();
  return newestFirst.map((movement) => {
    const isDebit = owed ? movement.amount > 0 : movement.amount < 0;
    const amount = Math.abs(movement.amount);
    const transaction: Transaction = {
      Id: seededGuid(random),
      Date: flinksDate(asOf - movement.day * DAY_MS),
      Code: null,
      Description: movement.description,
      Debit: isDebit ? amount : null,
      Credit: isDebit ? null : amount,
      Balance: cents(balance),
    };
    // Either way a movement moved the balance by its amount; before it, the balance was that much less.
    balance = cents(balance - movement.amount);
    return transaction;
  });
}

interface AccountPlan {
  title: string;
  category: string;
  type: string;
  owed: boolean;
  limit: number | null;
  movements: (random: SeededRandom, days: number, asOf: number) => Movement[];
  closing: (random: SeededRandom) => number;
}

function plans(institutionName: string): AccountPlan[] {
  return [
    {
      title: 'Chequing Account',
      category: 'Operations',
      type: 'Chequing',
      owed: false,
      limit: null,
      movements: chequingMovements,
      closing: (random) => amountBetween(random, 800, 6500),
    },
    {
      title: 'High Interest Savings',
      category: 'Operations',
      type: 'Savings',
      owed: false,
      limit: null,
      movements: savingsMovements,
      closing: (random) => amountBetween(random, 2000, 25000),
    },
    {
      title: `${institutionName} Visa`,
      category: 'Credits',
      type: 'CreditCard',
      owed: true,
      limit: 5000,
      movements: creditCardMovements,
      closing: (random) => amountBetween(random, 150, 2400),
    },
    {
      title: 'Tax-Free Savings Account',
      category: 'Investments',
      type: 'TFSA',
      owed: false,
      limit: null,
      movements: savingsMovements,
      closing: (random) => amountBetween(random, 5000, 40000),
    },
    // Only logins with many accounts (test_accounts_many) go past the first four.
    {
      title: 'US Dollar Chequing',
      category: 'Operations',
      type: 'ChequingUSD',
      owed: false,
      limit: null,
      movements: savingsMovements,
      closing: (random) => amountBetween(random, 200, 3000),
    },
    {
      title: 'Registered Retirement Savings Plan',
      category: 'Investments',
      type: 'RRSP',
      owed: false,
      limit: null,
      movements: savingsMovements,
      closing: (random) => amountBetween(random, 8000, 60000),
    },
    {
      title: 'Personal Line of Credit',
      category: 'Credits',
      type: 'LineOfCredit',
      owed: true,
      limit: 15000,
      movements: creditCardMovements,
      closing: (random) => amountBetween(random, 500, 9000),
    },
    {
      title: 'Joint Savings',
      category: 'Operations',
      type: 'JointSavings',
      owed: false,
      limit: null,
      movements: savingsMovements,
      closing: (random) => amountBetween(random, 1000, 12000),
    },
  ];
}

/**
 * The accounts of one login: 2 to 4 of them, or `seed.count` (chequing first), with the holder's identity and up to a year of
 * transactions. Deterministic: seeded by the LoginId, dated back from `asOf`.
 */
export function accountsFor(seed: AccountsSeed, query: AccountsQuery): Account[] {
  const random = seededRandom(seed.loginId);
  const asOf = Math.floor(seed.asOf / DAY_MS) * DAY_MS;
  const holder = holderFor(random);
  const transit = digits(random, 5);
  const drawn = between(random, 2, 4);
  const count = seed.count ?? drawn;
  const accounts = plans(seed.institutionName)
    .slice(0, count)
    .map((plan): Account => {
      // Each account draws from its own stream so the query (days, filters) never changes the others.
      const own = seededRandom(`${seed.loginId}/${plan.type}`);
      const id = seededGuid(own);
      const closing = plan.closing(own);
      const movements = plan.movements(own, 365, asOf).filter((movement) => movement.day < query.days);
      const number = plan.type === 'CreditCard' ? `************${digits(own, 4)}` : digits(own, 7);
      return {
        Id: id,
        Title: (seed.language === 'fr' ? FRENCH_TITLES[plan.title] : undefined) ?? plan.title,
        AccountNumber: number,
        Category: plan.category,
        Type: plan.type,
        Currency: 'CAD',
        Balance: query.withBalance
          ? {
              Available: plan.limit === null ? closing : cents(plan.limit - closing),
              Current: closing,
              Limit: plan.limit,
            }
          : { Available: null, Current: null, Limit: null },
        ...(query.withAccountIdentity
          ? { TransitNumber: transit, InstitutionNumber: seed.institutionNumber, Holder: holder }
          : {}),
        ...(query.withTransactions
          ? { Transactions: transactions(own, movements, closing, asOf, plan.owed) }
          : {}),
      };
    });
  return query.filter ? accounts.filter((account) => query.filter?.includes(account.Id)) : accounts;
}
