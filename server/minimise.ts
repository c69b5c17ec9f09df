/**
 * Data minimisation (CONTRACT §7): in proxy mode a browser reads only what the account selector shows. Each data
 * answer (GetAccountsDetail, GetAccountsSummary, their Async twins, GetStatements) is rebuilt from an allow-list:
 * per account its id, title, category, type, currency, balance and the last four characters of its number. Transactions,
 * the holder's identity and address, transit and institution numbers, statements and any field Flinks adds later
 * never reach the browser; the partner's backend reads them from Flinks with its own key, as Flinks documents.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the selector shows of an account number: its last four characters, after four asterisks. */
function maskedNumber(value: unknown): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
  return `****${text.slice(-4)}`;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function selectorAccount(account: unknown): Json | null {
  if (!isObject(account)) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const balance = isObject(account.Balance) ? account.Balance : {};
  return {
    Id: text(account.Id),
    Title: text(account.Title),
    AccountNumber: maskedNumber(account.AccountNumber),
    Category: text(account.Category),
    Type: text(account.Type),
    Currency: text(account.Currency),
    Balance: {
      Available: numberOrNull(balance.Available),
      Current: numberOrNull(balance.Current),
      Limit: numberOrNull(balance.Limit),
    },
  };
}

/** The login as a data answer names it: its id and kind, never the person's username. */
function selectorLogin(login: unknown): Json | undefined {
  if (!isObject(login) || typeof login.Id !== 'string') return undefined;
  return {
    Id: login.Id,
    Username: '',
    IsScheduledRefresh: login.IsScheduledRefresh === true,
    LastRefresh: typeof login.LastRefresh === 'string' ? login.LastRefresh : '',
    Type: typeof login.Type === 'string' ? login.Type : '',
  };
}

/** Top-level fields a data answer keeps: its status, its ids, and an error's code and words. */
const KEPT = ['HttpStatusCode', 'RequestId', 'Institution', 'FlinksCode', 'Message'] as const;

/**
 * A data answer reduced to what the account selector needs, or null when it is not a JSON object (nothing of it is
 * passed on then).
 */
export function minimisedDataAnswer(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(body)) return null;
  const kept: Json = {};
  for (const name of KEPT) {
    const value = body[name];
    if (typeof value === 'string' || typeof value === 'number') kept[name] = value;
  }
  const login = selectorLogin(body.Login);
  if (login) kept.Login = login;
  if (Array.isArray(body.Accounts)) {
    kept.Accounts = body.Accounts.map(selectorAccount).filter((account) => account !== null);
  }
  return JSON.stringify(kept);
}
