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

/** Why the page cannot start: one entry per bad parameter (a key of the configuration screen's messages). */
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
export const WIDGET_PARAMETERS_ARE_PROPS: PropsAgree[keyof PropsAgree] = true;

/** The page's own settings from the URL: layout, colours, redirects, webviews (the table's `page` entries). */
export type EmbedPageOptions = Omit<PageParameterValues, 'stringify'>;

/** Everything the embed page needs to run, once the URL and the deployment agree. */
export interface EmbedSettings {
  widget: EmbedWidgetOptions;
  page: EmbedPageOptions;
  deployment: DeploymentConfig;
  /** Where events go; null when the page is not framed, or in a webview (it then posts nothing to a parent). */
  parentOrigin: string | null;
  redirectUrl: URL | null;
  stringify: boolean;
}

export type ParsedEmbedParams =
  { ok: true; settings: EmbedSettings } | { ok: false; problems: ConfigProblem[]; language: Language };

const INVALID = Symbol('invalid');

/** A parameter's value as its kind reads it; INVALID when it cannot; undefined for an empty text (ignored). */
function parseValue(
  kind: ParameterKind,
  value: string,
): string | number | boolean | typeof INVALID | undefined {
  switch (kind.type) {
    case 'boolean':
      return parseBoolean(value) ?? INVALID;
    case 'count':
      return parseCount(value, kind.min, kind.max) ?? INVALID;
    case 'choice':
      return kind.values.includes(value) ? value : INVALID;
    case 'text':
      if (value === '') return undefined;
      return value.length > kind.max ? INVALID : value;
    case 'colour':
      return parseColour(value) ?? INVALID;
    default:
      return INVALID;
  }
}

function problemOf(kind: ParameterKind): ConfigProblemCode {
  switch (kind.type) {
    case 'boolean':
      return 'boolean';
    case 'text':
      return 'tooLong';
    case 'colour':
      return 'colour';
    default:
      return 'choice';
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

function parseBoolean(value: string): boolean | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

function parseCount(value: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(value)) return null;
  const count = Number(value);
  return count >= min && count <= max ? count : null;
}

function parseRedirect(value: string): URL | null {
  try {
    const url = new URL(value);
    return NOT_AN_APP.has(url.protocol) ? null : url;
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

  const page: PageParameterValues = {};
  for (const name of PARAMETER_NAMES) {
    const spec: ParameterSpec = PARAMETERS[name];
    if (spec.kind.type === 'origin' || spec.kind.type === 'address') continue;
    const value = params.get(name);
    if (value === null) continue;
    const parsed = parseValue(spec.kind, value);
    if (parsed === undefined) continue;
    if (parsed === INVALID) {
      problems.push({ code: spec.problem ?? problemOf(spec.kind), param: name });
      continue;
    }
    if (spec.acts === 'widget') (widget as Record<string, unknown>)[name] = parsed;
    else (page as Record<string, unknown>)[name] = parsed;
  }
  const { stringify = false, ...pageOptions } = page;
  const webview = page.webview === true;

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
  } else if (context.framed && !webview) {
    // A webview posts to the app, never to a parent: no framing origin to establish.
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
    else if (isDeepLink(url)) {
      // An app's own scheme (myapp://connected) makes sense only where an app is listening (a webview), and only
      // one the deployment named (CONNECT_APP_SCHEMES): never intent:, content: or any other browser scheme.
      if (!webview) problems.push({ code: 'redirectUrlDeepLink', param: 'redirectUrl' });
      else if (isAllowedAppLink(url, context.config?.appSchemes ?? [])) redirectUrl = url;
      else problems.push({ code: 'redirectUrlSchemeNotAllowed', param: 'redirectUrl' });
    } else if (url.username !== '' || url.password !== '')
      problems.push({ code: 'redirectUrlCredentials', param: 'redirectUrl' });
    else if (!allowed.has(url.origin)) problems.push({ code: 'redirectUrlNotAllowed', param: 'redirectUrl' });
    // Framed, success may only take the person to the page that framed the widget, not to another allowed site.
    else if (context.framed && !webview && parentOrigin !== null && url.origin !== parentOrigin)
      problems.push({ code: 'redirectUrlNotParent', param: 'redirectUrl' });
    else redirectUrl = url;
  }

  if (problems.length > 0 || context.config === null)
    return { ok: false, problems, language: widget.language };
  return {
    ok: true,
    settings: {
      widget,
      page: pageOptions,
      deployment: context.config,
      parentOrigin: context.framed && !webview ? parentOrigin : null,
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
