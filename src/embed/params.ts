import type { ConnectWidgetProps } from '../ConnectWidget';
import { redirectAddress } from '../flow/redirect';
import type { Language } from '../i18n/types';
import type { DeploymentConfig } from './config';
import type { EmbedMessages } from './messages';

/** Why the page cannot start: one entry per bad parameter (a key of the configuration screen's messages). */
export type ConfigProblemCode = keyof EmbedMessages['configuration']['problems'];

export interface ConfigProblem {
  code: ConfigProblemCode;
  /** The URL parameter at fault (empty for the deployment's own settings). */
  param: string;
}

export type Theme = 'light' | 'dark';

/** The widget's settings that a URL may choose (CONTRACT §3). Deployment settings come from `DeploymentConfig`. */
export type EmbedWidgetOptions = Pick<
  ConnectWidgetProps,
  | 'theme'
  | 'demo'
  | 'institution'
  | 'customerName'
  | 'maximumRetry'
  | 'tag'
  | 'consentEnable'
  | 'closeEnable'
  | 'backEnable'
  | 'institutionFilterEnable'
  | 'accountSelectorEnable'
  | 'accountSelectorMultiple'
  | 'termsUrl'
  | 'enhancedMFA'
  | 'skipEnhancedMFA'
  | 'requestId'
  | 'loginId'
  | 'authorizeToken'
  | 'sessionToken'
> & { language: Language };

/** Everything the embed page needs to run, once the URL and the deployment agree. */
export interface EmbedSettings {
  widget: EmbedWidgetOptions;
  deployment: DeploymentConfig;
  /** Where events go; null when the page is not framed (it then posts nothing). */
  parentOrigin: string | null;
  redirectUrl: URL | null;
  stringify: boolean;
}

export type ParsedEmbedParams =
  { ok: true; settings: EmbedSettings } | { ok: false; problems: ConfigProblem[]; language: Language };

const BOOLEAN_PARAMS = [
  'demo',
  'consentEnable',
  'closeEnable',
  'backEnable',
  'institutionFilterEnable',
  'accountSelectorEnable',
  'accountSelectorMultiple',
  'enhancedMFA',
  'skipEnhancedMFA',
] as const;

const TEXT_PARAMS = [
  'institution',
  'customerName',
  'tag',
  'requestId',
  'loginId',
  'authorizeToken',
  'sessionToken',
] as const satisfies readonly (keyof EmbedWidgetOptions)[];

/** The longest value each text parameter may have: a page's address is no place for an essay. */
const TEXT_LIMITS: Record<(typeof TEXT_PARAMS)[number], number> = {
  institution: 100,
  customerName: 80,
  tag: 200,
  requestId: 64,
  loginId: 64,
  authorizeToken: 2048,
  sessionToken: 2048,
};

const LANGUAGES: readonly string[] = ['en', 'fr'] satisfies Language[];
const THEMES: readonly string[] = ['light', 'dark'] satisfies Theme[];

/** `https://host:port` exactly, or null. A trailing slash is tolerated; a path, query or fragment is not. */
export function toOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return value === url.origin || value === `${url.origin}/` ? url.origin : null;
}

function parseBoolean(value: string): boolean | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

function parseRetry(value: string): number | null {
  if (!/^\d{1,2}$/.test(value)) return null;
  const count = Number(value);
  return count >= 1 && count <= 10 ? count : null;
}

function parseRedirect(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** What the framed page can learn of the page that frames it, when the URL has no `parentOrigin`. */
export interface FramingClues {
  /** `location.ancestorOrigins[0]`, where the browser has it (Chromium, Safari): the parent's origin, from the browser. */
  ancestorOrigin: string | null;
  /** `document.referrer`: the framing page's address (or origin), unless its referrer policy withheld it. */
  referrer: string | null;
}

const NO_CLUES: FramingClues = { ancestorOrigin: null, referrer: null };

/**
 * The framing origin, established as Flinks Connect integrations need it (CONTRACT §3): the browser's own word
 * (`ancestorOrigins`) first, else the referrer's origin, else the allow-list's only entry. Accepted only when allowed;
 * events then go to that origin only, so even a wrong guess can never deliver them to another page.
 */
export function framingOrigin(
  clues: FramingClues,
  allowed: ReadonlySet<string>,
): string | { problem: 'framingOriginNotAllowed' | 'framingOriginUnknown' } {
  const told = clues.ancestorOrigin ?? originOfAddress(clues.referrer);
  if (told !== null) return allowed.has(told) ? told : { problem: 'framingOriginNotAllowed' };
  if (allowed.size === 1) return [...allowed][0] as string;
  return { problem: 'framingOriginUnknown' };
}

function originOfAddress(address: string | null): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Reads `/embed.html`'s URL parameters against the deployment's settings.
 * Unknown parameters are ignored; every bad value becomes a problem, so the page can say which and why.
 * @example
 * parseEmbedParams('?parentOrigin=https%3A%2F%2Fshop.example&language=fr', { config, framed: true })
 */
export function parseEmbedParams(
  search: string | URLSearchParams,
  context: { config: DeploymentConfig | null; framed: boolean; framing?: FramingClues },
): ParsedEmbedParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: ConfigProblem[] = [];
  const widget: EmbedWidgetOptions = { language: 'en' };
  const allowed = new Set((context.config?.allowedOrigins ?? []).map((origin) => toOrigin(origin) ?? origin));

  if (!context.config) problems.push({ code: 'missingConfig', param: '' });

  const language = params.get('language');
  if (language !== null) {
    if (LANGUAGES.includes(language)) widget.language = language as Language;
    else problems.push({ code: 'language', param: 'language' });
  }

  const theme = params.get('theme');
  if (theme !== null) {
    if (THEMES.includes(theme)) widget.theme = theme as Theme;
    else problems.push({ code: 'theme', param: 'theme' });
  }

  const maximumRetry = params.get('maximumRetry');
  if (maximumRetry !== null) {
    const count = parseRetry(maximumRetry);
    if (count === null) problems.push({ code: 'maximumRetry', param: 'maximumRetry' });
    else widget.maximumRetry = count;
  }

  for (const name of BOOLEAN_PARAMS) {
    const value = params.get(name);
    if (value === null) continue;
    const flag = parseBoolean(value);
    if (flag === null) problems.push({ code: 'boolean', param: name });
    else widget[name] = flag;
  }

  let stringify = false;
  const stringifyValue = params.get('stringify');
  if (stringifyValue !== null) {
    const flag = parseBoolean(stringifyValue);
    if (flag === null) problems.push({ code: 'boolean', param: 'stringify' });
    else stringify = flag;
  }

  for (const name of TEXT_PARAMS) {
    const value = params.get(name);
    if (!value) continue;
    if (value.length > TEXT_LIMITS[name]) problems.push({ code: 'tooLong', param: name });
    else widget[name] = value;
  }
  if (
    context.config?.sessionRequired &&
    !widget.sessionToken &&
    !problems.some((p) => p.param === 'sessionToken')
  ) {
    problems.push({ code: 'sessionTokenMissing', param: 'sessionToken' });
  }

  let parentOrigin: string | null = null;
  const parentValue = params.get('parentOrigin');
  if (parentValue) {
    const origin = toOrigin(parentValue);
    if (origin === null) problems.push({ code: 'parentOriginInvalid', param: 'parentOrigin' });
    else if (!allowed.has(origin)) problems.push({ code: 'parentOriginNotAllowed', param: 'parentOrigin' });
    else parentOrigin = origin;
  } else if (context.framed) {
    const established = framingOrigin(context.framing ?? NO_CLUES, allowed);
    if (typeof established === 'string') parentOrigin = established;
    else problems.push({ code: established.problem, param: 'parentOrigin' });
  }

  // The partner's terms: any site of theirs, but only a web page (never javascript:, data: or an app's scheme).
  const termsValue = params.get('termsUrl');
  if (termsValue) {
    const url = parseRedirect(termsValue);
    if (url === null || termsValue.length > 2048 || url.username !== '' || url.password !== '')
      problems.push({ code: 'termsUrlInvalid', param: 'termsUrl' });
    else widget.termsUrl = url.href;
  }

  let redirectUrl: URL | null = null;
  const redirectValue = params.get('redirectUrl');
  if (redirectValue) {
    const url = parseRedirect(redirectValue);
    if (url === null) problems.push({ code: 'redirectUrlInvalid', param: 'redirectUrl' });
    else if (url.username !== '' || url.password !== '')
      problems.push({ code: 'redirectUrlCredentials', param: 'redirectUrl' });
    else if (!allowed.has(url.origin)) problems.push({ code: 'redirectUrlNotAllowed', param: 'redirectUrl' });
    // Framed, success may only take the person to the page that framed the widget, not to another allowed site.
    else if (context.framed && parentOrigin !== null && url.origin !== parentOrigin)
      problems.push({ code: 'redirectUrlNotParent', param: 'redirectUrl' });
    else redirectUrl = url;
  }

  if (problems.length > 0 || context.config === null)
    return { ok: false, problems, language: widget.language };
  return {
    ok: true,
    settings: {
      widget,
      deployment: context.config,
      parentOrigin: context.framed ? parentOrigin : null,
      redirectUrl,
      stringify,
    },
  };
}

/**
 * The address a successful connection sends the top window to: `redirectUrl` with `loginId`, `institution`
 * and `tag` appended (never a secret).
 */
export function successRedirect(
  redirectUrl: URL,
  success: { loginId: string; institution: string | null; tag?: string | null },
): string {
  return redirectAddress(redirectUrl.href, success);
}
