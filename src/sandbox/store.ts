import type { Round, SandboxLanguage } from './challenges';
import { newGuid } from './ids';
import type { SandboxInstitution } from './institutions';
import type { SandboxPersona } from './personas';

/** "The same account": the same Institution and Username (or the same LoginId, which maps to those). */
export interface AccountRef {
  key: string;
  institution: SandboxInstitution;
  /** As the person typed it the first time. */
  username: string;
}

export function accountKey(institution: SandboxInstitution, canonicalUsername: string): string {
  return `${institution.id}\n${canonicalUsername}`;
}

export interface LoginRecord {
  id: string;
  account: AccountRef;
  persona: SandboxPersona;
  createdAt: number;
  /** The latest live authorization: CARD_IN_USE and cached OPERATION_PENDING count from here. */
  lastLiveAuthAt: number;
  /** The language of its latest live authorization: calls by LoginId alone (GetMFAQuestions) answer in it. */
  language: SandboxLanguage;
  /** The `tag` its latest OAuth authorization carried, returned by every Authorize of the login (as Flinks does). */
  tag?: string;
}

export type Session =
  | {
      state: 'challenged';
      requestId: string;
      account: AccountRef;
      persona: SandboxPersona;
      lastActiveAt: number;
      /** The language the bank speaks in this session (Authorize's `Language`). */
      language: SandboxLanguage;
      /** The round being asked first, then the ones still to come. */
      rounds: [Round, ...Round[]];
    }
  | {
      state: 'authorized';
      requestId: string;
      account: AccountRef;
      persona: SandboxPersona;
      lastActiveAt: number;
      language: SandboxLanguage;
      loginId: string;
      /** Before this time the data calls answer 202. */
      dataReadyAt: number;
    };

export type SessionLookup =
  { kind: 'open'; session: Session } | { kind: 'expired' } | { kind: 'nonexistent' };

/** Hard caps, so that no amount of traffic grows memory without bound. */
const MAX_SESSIONS = 10_000;
const MAX_EXPIRED_IDS = 10_000;
const MAX_TOKENS = 10_000;
const TOKEN_TTL_MS = 30 * 60_000;

function evictOldest<K, V>(map: Map<K, V>, max: number, onEvict?: (key: K) => void): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
    onEvict?.(key);
  }
}

/** The sandbox's whole memory: sessions, logins, authorize tokens and in-flight markers. */
export class SandboxStore {
  readonly sessions = new Map<string, Session>();
  /** RequestIds that expired, so a late answer gets SESSION_EXPIRED rather than SESSION_NONEXISTENT. */
  private readonly expiredIds = new Map<string, true>();
  private readonly logins = new Map<string, LoginRecord>();
  private readonly loginIdByAccount = new Map<string, string>();
  private readonly tokens = new Map<string, number>();
  /** Accounts with an Authorize in its bank latency. */
  readonly inFlight = new Set<string>();

  constructor(private readonly sessionTtlMs: number) {}

  /** Drops every session idle past the TTL and every expired token. */
  sweep(now: number): void {
    for (const [requestId, session] of this.sessions) {
      if (now - session.lastActiveAt > this.sessionTtlMs) this.expire(requestId);
    }
    for (const [token, expiresAt] of this.tokens) {
      if (now >= expiresAt) this.tokens.delete(token);
    }
  }

  private expire(requestId: string): void {
    this.sessions.delete(requestId);
    this.expiredIds.set(requestId, true);
    evictOldest(this.expiredIds, MAX_EXPIRED_IDS);
  }

  /** Adds a session, or replaces the one with its RequestId (e.g. once authorized). */
  putSession(session: Session): void {
    this.sessions.set(session.requestId, session);
    evictOldest(this.sessions, MAX_SESSIONS, (requestId) => {
      this.expiredIds.set(requestId, true);
    });
  }

  closeSession(requestId: string): void {
    this.sessions.delete(requestId);
  }

  /** Finds an open session and marks it active. */
  touchSession(requestId: string, now: number): SessionLookup {
    const session = this.sessions.get(requestId);
    if (session && now - session.lastActiveAt > this.sessionTtlMs) this.expire(requestId);
    const open = this.sessions.get(requestId);
    if (open) {
      open.lastActiveAt = now;
      return { kind: 'open', session: open };
    }
    return this.expiredIds.has(requestId) ? { kind: 'expired' } : { kind: 'nonexistent' };
  }

  login(loginId: string): LoginRecord | undefined {
    return this.logins.get(loginId);
  }

  loginOf(account: AccountRef): LoginRecord | undefined {
    const id = this.loginIdByAccount.get(account.key);
    return id === undefined ? undefined : this.logins.get(id);
  }

  /** The account's login, created on its first authorization; its LoginId stays until DeleteCard. */
  recordLiveAuthorization(
    account: AccountRef,
    persona: SandboxPersona,
    now: number,
    language: SandboxLanguage = 'en',
    tag?: string,
  ): LoginRecord {
    const existing = this.loginOf(account);
    if (existing) {
      existing.lastLiveAuthAt = now;
      existing.language = language;
      if (tag !== undefined) existing.tag = tag;
      return existing;
    }
    const login: LoginRecord = {
      id: newGuid(),
      account,
      persona,
      createdAt: now,
      lastLiveAuthAt: now,
      language,
      ...(tag !== undefined ? { tag } : {}),
    };
    this.logins.set(login.id, login);
    this.loginIdByAccount.set(account.key, login.id);
    return login;
  }

  deleteLogin(login: LoginRecord): void {
    this.logins.delete(login.id);
    this.loginIdByAccount.delete(login.account.key);
  }

  mintToken(now: number): string {
    const token = newGuid();
    this.tokens.set(token, now + TOKEN_TTL_MS);
    evictOldest(this.tokens, MAX_TOKENS);
    return token;
  }

  /** True once for a token minted here and not expired; a token is spent by its first use. */
  spendToken(token: string, now: number): boolean {
    const expiresAt = this.tokens.get(token);
    this.tokens.delete(token);
    return expiresAt !== undefined && now < expiresAt;
  }

  stats(): { sessions: number; logins: number; inFlight: number } {
    return { sessions: this.sessions.size, logins: this.logins.size, inFlight: this.inFlight.size };
  }

  clear(): void {
    this.sessions.clear();
    this.expiredIds.clear();
    this.logins.clear();
    this.loginIdByAccount.clear();
    this.tokens.clear();
    this.inFlight.clear();
  }
}
