import type { ConnectWidgetProps } from '../ConnectWidget';
import { isAllowedAppLink } from './app-link';
import { redirectAddress } from '../flow/redirect';
import type { Language } from '../i18n/types';
import type { DeploymentConfig } from './config';
import type { EmbedMessages } from './messages';
import {
  PARAMETER_NAMES,
  PARAMETERS,
  type PageParameterValues,
  type ParameterKind,
  type ParameterSpec,
  type WidgetParameterValues,
} from './parameters';

/** Why the page cannot start: what no fallback can make safe (a key of the configuration screen's messages). */
export type ConfigProblemCode = keyof EmbedMessages['configuration']['problems'];

export interface ConfigProblem {
  code: ConfigProblemCode;
  /** The URL parameter at fault (empty for the deployment's own settings). */
  param: string;
}

export type Theme = 'light' | 'dark';

/**
 * The widget's settings that a URL may choose (CONTRACT §3): the parameter table's `widget` entries, each the
 * `<ConnectWidget>` prop of the same name.
 */
export type EmbedWidgetOptions = WidgetParameterValues & { language: Language };

/** Compiles only while every widget parameter's value is a valid value of the ConnectWidget prop of its name. */
type PropsAgree = {
  [Name in keyof WidgetParameterValues]-?: Name extends keyof ConnectWidgetProps
    ? NonNullable<WidgetParameterValues[Name]> extends ConnectWidgetProps[Name]
      ? true
      : Name
    : Name;
};
// Only the compiler reads it (the check is its type); exported before, though nothing imported it.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const WIDGET_PARAMETERS_ARE_PROPS: PropsAgree[keyof PropsAgree] = true;

/** The page's own settings from the URL: layout, colours, redirects, webviews (the table's `page` entries). */
export type EmbedPageOptions = Omit<PageParameterValues, 'stringify'>;

/** Everything the embed page needs to run, once the URL and the deployment agree. */
export interface EmbedSettings {
  widget: EmbedWidgetOptions;
  page: EmbedPageOptions;
  deployment: DeploymentConfig;
  /** Where events go; null when the page is not framed, or in a webview (it then posts nothing to a parent). */
  parentOrigin: string | null;
  /** Where success navigates: `redirectUrl` when the deployment lets the page go there (CONNECT_REDIRECT_ORIGINS). */
  redirectUrl: URL | null;
  /**
   * What REDIRECT's `url` is built on: the partner's `redirectUrl` as given, even when the page may not go there
   * (the listener still gets the address Flinks Connect would have sent); null without a usable one.
   */
  successUrl: URL | null;
  stringify: boolean;
  /** One line per value the page could not use as given, and what it did instead (APP_MOUNTED's `parameterNotes`). */
  notes: string[];
}

export type ParsedEmbedParams =
  | { ok: true; settings: EmbedSettings }
  | { ok: false; problems: ConfigProblem[]; language: Language; notes: string[] };

/** A value as its kind reads it, or why it cannot be used (`unusable`); undefined for an empty value (the default). */
type Read = { value: string | number | boolean; note?: string } | { unusable: string } | undefined;

/**
 * Reads a value as leniently as Flinks Connect: booleans and choices in any case, a language tag reduced to its
 * language (`fr-CA` is `fr`), numbers clamped to their range, an empty value left to the default.
 */
function readValue(name: string, kind: ParameterKind, raw: string): Read {
  const value = raw.trim();
  if (value === '') return undefined;
  switch (kind.type) {
    case 'boolean': {
      const lower = value.toLowerCase();
      if (lower === 'true') return { value: true };
      if (lower === 'false') return { value: false };
      return { unusable: 'is neither true nor false' };
    }
    case 'count': {
      if (!/^[+-]?\d{1,9}$/.test(value)) return { unusable: 'is not a whole number' };
      const count = Number(value);
      const clamped = Math.min(kind.max, Math.max(kind.min, count));
      return clamped === count
        ? { value: count }
        : { value: clamped, note: `is outside ${kind.min}–${kind.max}; ${clamped} is used` };
    }
    case 'choice': {
      const wanted = (name === 'language' ? (value.split(/[-_]/)[0] ?? '') : value).toLowerCase();
      const found = kind.values.find((choice) => choice.toLowerCase() === wanted);
      if (found === undefined) return { unusable: `is not one of ${kind.values.join(', ')}` };
      return { value: found };
    }
    case 'text':
      return raw.length > kind.max ? { unusable: `is longer than ${kind.max} characters` } : { value: raw };
    case 'colour': {
      const colour = parseColour(value);
      return colour === null ? { unusable: 'is not a hex colour' } : { value: colour };
    }
    default:
      return { unusable: 'cannot be read' };
  }
}

/** `#rgb`, `#rrggbb`, `rgb` or `rrggbb` (Flinks Connect takes them without the `#`), as `#rrggbb`. */
export function parseColour(value: string): string | null {
  const hex = value.startsWith('#') ? value.slice(1) : value;
  if (/^[0-9a-f]{6}$/i.test(hex)) return `#${hex.toLowerCase()}`;
  if (/^[0-9a-f]{3}$/i.test(hex)) return `#${[...hex.toLowerCase()].map((digit) => digit + digit).join('')}`;
  return null;
}

/** Schemes that never lead to an app: they would run code, read files or show something other than a page. */
const NOT_AN_APP = new Set([
  'javascript:',
  'data:',
  'vbscript:',
  'file:',
  'blob:',
  'about:',
  'ftp:',
  'ws:',
  'wss:',
]);

function isDeepLink(url: URL): boolean {
  return url.protocol !== 'http:' && url.protocol !== 'https:';
}

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

/** A bare host name with a dot (`flinks.com`, `shop.example/done`): what a person types in an address bar. */
const BARE_HOST =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#]|$)/i;

/**
 * An address a person can be sent to: absolute, or a bare host name read as `https://` (as browsers do); never a
 * scheme that runs code or shows a file, never with a user name or password in it.
 */
function parseAddress(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(BARE_HOST.test(value) ? `https://${value}` : value);
  } catch {
    return null;
  }
  if (NOT_AN_APP.has(url.protocol) || url.username !== '' || url.password !== '') return null;
  return url;
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
function framingOrigin(
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

const KNOWN = new Set<string>(PARAMETER_NAMES);

/** `/v2/Credential/{institution}/`: Flinks Connect's address that opens one bank's sign-in. */
const CREDENTIAL_PATH = /\/Credential\/([^/?#]+)\/?$/i;

/** A second `?` before a parameter of the table (`demo=true?redirectUrl=…`), which partners mean as `&`. */
const SECOND_QUESTION_MARK = /\?(?=([A-Za-z][A-Za-z0-9]*)=)/g;

function mendQuery(search: string): string {
  return search
    .replace(/^\?/, '')
    .replace(SECOND_QUESTION_MARK, (mark, name: string) => (KNOWN.has(name) ? '&' : mark));
}

/**
 * The query the page reads at its address: the bank of Flinks Connect's `/v2/Credential/{institution}/` path added as
 * `institution`, unless the query names one. (A second `?` is read by `parseEmbedParams`, which says so.)
 * @example embedSearch('/v2/Credential/FlinksCapital/', '?demo=true') // '?demo=true&institution=FlinksCapital'
 */
export function embedSearch(pathname: string, search: string): string {
  const bank = CREDENTIAL_PATH.exec(pathname)?.[1];
  if (!bank || new URLSearchParams(mendQuery(search)).get('institution')) return search;
  let institution = bank;
  try {
    institution = decodeURIComponent(bank);
  } catch {
    // Left as written.
  }
  const query = search.replace(/^\?/, '');
  return `?${query}${query ? '&' : ''}institution=${encodeURIComponent(institution)}`;
}

/**
 * Reads `/embed.html`'s URL parameters against the deployment's settings, as leniently as Flinks Connect does
 * (CONTRACT §3): a value the page cannot use falls back to the default, with a note for the developer (`notes`).
 * Unknown parameters are ignored. Only what cannot be made safe stops the page: no allowed framing origin, no
 * deployment settings, or no `sessionToken` where the server requires one.
 * @example
 * parseEmbedParams('?language=FR&demo=True', { config, framed: true, framing })
 */
export function parseEmbedParams(
  search: string | URLSearchParams,
  context: { config: DeploymentConfig | null; framed: boolean; framing?: FramingClues },
): ParsedEmbedParams {
  const query = typeof search === 'string' ? mendQuery(search) : search.toString();
  const params = new URLSearchParams(query);
  const problems: ConfigProblem[] = [];
  const notes: string[] = [];
  if (query !== search.toString().replace(/^\?/, '')) notes.push('a second "?" in the query was read as "&"');
  const widget: EmbedWidgetOptions = { language: 'en' };
  const allowed = new Set((context.config?.allowedOrigins ?? []).map((origin) => toOrigin(origin) ?? origin));
  const redirectAllowed = new Set(
    (context.config?.redirectOrigins ?? context.config?.allowedOrigins ?? []).map(
      (origin) => toOrigin(origin) ?? origin,
    ),
  );

  if (!context.config) problems.push({ code: 'missingConfig', param: '' });

  const page: PageParameterValues = {};
  for (const name of PARAMETER_NAMES) {
    const spec: ParameterSpec = PARAMETERS[name];
    const target = (spec.acts === 'widget' ? widget : page) as Record<string, unknown>;
    if ('flinksDefault' in spec) target[name] = spec.flinksDefault;
    if (spec.kind.type === 'origin' || spec.kind.type === 'address') continue;
    const raw = params.get(name);
    if (raw === null) continue;
    const read = readValue(name, spec.kind, raw);
    if (read === undefined) continue;
    // A text may be a secret (sessionToken, authorizeToken): a note names the parameter, never quotes its value.
    const quoted = spec.kind.type === 'text' ? name : `${name}=${shown(raw)}`;
    if ('unusable' in read) {
      notes.push(`${quoted} ${read.unusable}; the default is used`);
      continue;
    }
    if (read.note) notes.push(`${quoted} ${read.note}`);
    target[name] = read.value;
  }
  const { stringify = false, ...pageOptions } = page;
  const webview = page.webview === true;

  if (context.config?.sessionRequired && !widget.sessionToken) {
    problems.push({ code: 'sessionTokenMissing', param: 'sessionToken' });
  }

  let parentOrigin: string | null = null;
  const parentValue = params.get('parentOrigin')?.trim();
  const parentGiven = parentValue ? toOrigin(parentValue) : null;
  if (parentValue && parentGiven === null)
    notes.push(`parentOrigin=${shown(parentValue)} is not an origin; the framing page's origin is used`);
  if (parentGiven !== null) {
    if (!allowed.has(parentGiven)) problems.push({ code: 'parentOriginNotAllowed', param: 'parentOrigin' });
    else parentOrigin = parentGiven;
  } else if (context.framed && !webview) {
    // A webview posts to the app, never to a parent: no framing origin to establish.
    const established = framingOrigin(context.framing ?? NO_CLUES, allowed);
    if (typeof established === 'string') parentOrigin = established;
    else problems.push({ code: established.problem, param: 'parentOrigin' });
  }

  // The partner's terms: any site of theirs, but only a web page (never javascript:, data: or an app's scheme).
  const termsValue = params.get('termsUrl')?.trim();
  if (termsValue) {
    const url = parseAddress(termsValue);
    if (url === null || isDeepLink(url) || termsValue.length > 2048)
      notes.push(`termsUrl=${shown(termsValue)} is not a web address; no terms link is shown`);
    else widget.termsUrl = url.href;
  }

  let redirectUrl: URL | null = null;
  let successUrl: URL | null = null;
  const redirectValue = params.get('redirectUrl')?.trim();
  if (redirectValue) {
    const url = redirectValue.length > 2048 ? null : parseAddress(redirectValue);
    const notNavigated = (why: string) =>
      notes.push(
        `redirectUrl=${shown(redirectValue)} ${why}: success does not go there (REDIRECT still carries it)`,
      );
    if (url === null) {
      notes.push(`redirectUrl=${shown(redirectValue)} is not an address the page can use; it is ignored`);
    } else {
      successUrl = url;
      if (isDeepLink(url)) {
        // An app's own scheme (myapp://connected) makes sense only where an app is listening: a webview.
        // And only in a scheme the deployment named (CONNECT_APP_SCHEMES): never intent:, content: or the like.
        if (!webview) notNavigated('is an app link without webview=true');
        else if (isAllowedAppLink(url, context.config?.appSchemes ?? [])) redirectUrl = url;
        else notNavigated('is an app link in a scheme CONNECT_APP_SCHEMES does not name');
      } else if (!redirectAllowed.has(url.origin)) {
        notNavigated('is not on an origin of CONNECT_REDIRECT_ORIGINS');
      } else if (
        // Unless the deployment names its redirect origins, success framed goes only to the framing page's origin.
        !context.config?.redirectOrigins &&
        context.framed &&
        !webview &&
        parentOrigin !== null &&
        url.origin !== parentOrigin
      ) {
        notNavigated('is not on the framing page’s origin');
      } else redirectUrl = url;
    }
  }

  if (problems.length > 0 || context.config === null)
    return { ok: false, problems, language: widget.language, notes };
  return {
    ok: true,
    settings: {
      widget,
      page: pageOptions,
      deployment: context.config,
      parentOrigin: context.framed && !webview ? parentOrigin : null,
      redirectUrl,
      successUrl,
      stringify,
      notes,
    },
  };
}

/** A value as a note quotes it: its first 60 characters. */
function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
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
