import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, Handler, Hono } from 'hono';
import type { Plugin } from 'vite';
import { CONFIG_META_NAME, type DeploymentConfig } from '../src/embed/config';
import type { FirstScreen, FirstScreenRequest } from '../src/embed/first-screen';
import {
  FIRST_SCREEN_ATTRIBUTE,
  HYDRATION_WAIT_ID,
  LOCKED_ATTRIBUTE,
  type FirstScreenPlace,
} from '../src/embed/hydration';
import { embedSearch } from '../src/embed/params';
import type { ServerConfig } from './config';

/**
 * Where the embed page answers: `/embed.html` (a trailing slash tolerated) and Flinks Connect's own paths, so a
 * partner may swap only the host: `/v2/`, and `/v2/Credential/{institution}/`, which opens that bank's sign-in.
 */
const EMBED_PAGE_PATHS = [
  '/embed.html',
  '/embed.html/',
  '/v2',
  '/v2/',
  '/v2/Credential/:institution',
  '/v2/Credential/:institution/',
  // Flinks' widget guide frames its live demo at /v2/Testing/; copies of it keep that path.
  '/v2/Testing',
  '/v2/Testing/',
] as const;

const EMBED_PAGE_PATH = /^\/(?:embed\.html\/?|v2\/?|v2\/Credential\/[^/]+\/?|v2\/Testing\/?)$/;

/** Whether a request path is the embed page's (for its headers). */
export function isEmbedPagePath(path: string): boolean {
  return EMBED_PAGE_PATH.test(path);
}

/** What the embed page learns from the server: the API, the allowed origins, the request timeout, whether sessions are required. */
export function deploymentConfig(
  config: Pick<ServerConfig, 'apiUrl' | 'allowedOrigins' | 'redirectOrigins' | 'requestTimeoutMs'> & {
    sessions?: Pick<ServerConfig['sessions'], 'required'>;
    appSchemes?: readonly string[];
  },
): DeploymentConfig {
  return {
    apiBaseUrl: config.apiUrl,
    allowedOrigins: config.allowedOrigins,
    ...(config.redirectOrigins ? { redirectOrigins: config.redirectOrigins } : {}),
    requestTimeoutMs: config.requestTimeoutMs,
    ...(config.sessions?.required ? { sessionRequired: true } : {}),
    ...(config.appSchemes && config.appSchemes.length > 0 ? { appSchemes: [...config.appSchemes] } : {}),
  };
}

/** Escapes text for a double-quoted HTML attribute. */
function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `<meta name="connect-config" content="{…}">`: data, not script, so the page's CSP needs no 'unsafe-inline'. */
export function configMetaTag(config: DeploymentConfig): string {
  return `<meta name="${CONFIG_META_NAME}" content="${escapeAttribute(JSON.stringify(config))}">`;
}

const EXISTING_META = new RegExp(`\\s*<meta[^>]*name="${CONFIG_META_NAME}"[^>]*>`, 'gi');

/** Puts the deployment's settings into embed.html's head, replacing any settings already there. */
export function injectDeploymentConfig(html: string, config: DeploymentConfig): string {
  const withoutOld = html.replace(EXISTING_META, '');
  const tag = configMetaTag(config);
  return withoutOld.includes('</head>')
    ? withoutOld.replace('</head>', () => `  ${tag}\n  </head>`)
    : `${tag}\n${withoutOld}`;
}

/** Escapes text for an element's content. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Draws the embed page's first screen for one request: `renderFirstScreen` of src/embed/first-screen.tsx. */
export type FirstScreenRenderer = (request: FirstScreenRequest) => Promise<FirstScreen | null>;

const BUTTON = /<button\b([^>]*)>/g;
const DISABLED = /\sdisabled(?:[\s=>]|$)/;
/** An attribute's quoted value: what a page reflects lands there, so it is not read as attributes. */
const QUOTED = /"[^"]*"/g;
const ROOT = /<div id="root"><\/div>/;
const OWN_DESCRIPTION = /\saria-describedby="([^"]*)"/;

/**
 * Puts a server-drawn first screen into embed.html: its language and title, the screen in `#root` marked with the
 * place it was drawn for, every button disabled (and described as waiting) until the script takes over. So the
 * browser can never send the form itself, and a bank tapped in the list before the script is there is not a tap
 * lost without a word. The screen's HTML comes escaped from the renderer; the rest is escaped here. Unchanged when
 * embed.html has no empty `#root`.
 */
export function injectFirstScreen(html: string, screen: FirstScreen, place: FirstScreenPlace): string {
  if (!ROOT.test(html)) return html;
  const content = screen.html.replace(BUTTON, (tag, attributes: string) => {
    // A button drawn disabled stays as it is: the script, not the wait, decides when it works.
    if (DISABLED.test(attributes.replace(QUOTED, '""'))) return tag;
    const described = OWN_DESCRIPTION.exec(attributes);
    const rest = described ? attributes.replace(OWN_DESCRIPTION, '') : attributes;
    const ids = [HYDRATION_WAIT_ID, ...(described ? [described[1]] : [])].join(' ');
    return `<button${rest} disabled aria-describedby="${ids}" ${LOCKED_ATTRIBUTE}>`;
  });
  // Function replacers only: a replacement string would read `$&`, `$'` or `` $` `` in a reflected value as
  // "copy part of the page here".
  return html
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeAttribute(screen.language)}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeText(screen.title)}</title>`)
    .replace(
      ROOT,
      () =>
        `<div id="root" ${FIRST_SCREEN_ATTRIBUTE}="${place}">${content}</div>` +
        `<p id="${HYDRATION_WAIT_ID}" hidden>${escapeText(screen.waitText)}</p>`,
    );
}

/**
 * Framed or not, as the browser says (`Sec-Fetch-Dest`); without that header, framed when the address names a
 * parent. A wrong guess costs only speed: the script draws the page anew when the place differs.
 */
function requestPlace(c: Context): FirstScreenPlace {
  const destination = c.req.header('sec-fetch-dest');
  if (destination !== undefined) return destination === 'iframe' ? 'framed' : 'top';
  return new URL(c.req.url).searchParams.has('parentOrigin') ? 'framed' : 'top';
}

/** A server render that takes longer than this is dropped: the page goes out without it and the script draws it. */
const FIRST_SCREEN_TIMEOUT_MS = 1_000;

async function drawFirstScreen(
  render: FirstScreenRenderer,
  request: FirstScreenRequest,
  log: (line: string) => void,
): Promise<FirstScreen | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((done) => {
    timer = setTimeout(() => done(undefined), FIRST_SCREEN_TIMEOUT_MS);
  });
  try {
    const screen = await Promise.race([render(request), timeout]);
    if (screen === undefined) log('first screen: render timed out; the script draws it');
    return screen ?? null;
  } catch (error) {
    log(
      `first screen: render failed (${error instanceof Error ? error.name : 'error'}); the script draws it`,
    );
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The page in the smallest encoding the browser accepts (it differs per request: compressed now, not at build). */
function encoded(c: Context, html: string): Response {
  const accepted = c.req.header('accept-encoding') ?? '';
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=UTF-8',
    // The page is drawn for its address (each query its own page), where it is framed, and the encoding.
    vary: 'Accept-Encoding, Sec-Fetch-Dest',
    'cache-control': 'no-cache',
  };
  if (/\bbr\b/.test(accepted)) {
    const body = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return c.body(new Uint8Array(body), 200, { ...headers, 'content-encoding': 'br' });
  }
  if (/\bgzip\b/.test(accepted)) {
    return c.body(new Uint8Array(gzipSync(html, { level: 6 })), 200, {
      ...headers,
      'content-encoding': 'gzip',
    });
  }
  return c.body(html, 200, headers);
}

/**
 * The page's origin as the browser reached it: the CONNECT_PUBLIC_ORIGIN with the request's host (its scheme is the
 * public one, even behind a proxy that ends TLS), else the request's own.
 */
export function pageOrigin(url: URL, publicOrigins: readonly string[]): string {
  return publicOrigins.find((origin) => new URL(origin).host === url.host) ?? url.origin;
}

export interface EmbedPageOptions {
  /** Draws the first screen; null: the page goes out empty and the script draws it. */
  render?: FirstScreenRenderer | null;
  /** CONNECT_PUBLIC_ORIGIN: where browsers reach the server. */
  publicOrigins?: readonly string[];
  log?: (line: string) => void;
}

/**
 * GET /embed.html (and the other {@link EMBED_PAGE_PATHS}): the built page with the settings and, when a renderer is given, the first screen drawn for the
 * request's parameters. Read at each request, so a rebuild shows at once.
 */
function embedPageHandler(
  htmlPath: string,
  config: DeploymentConfig,
  { render = null, publicOrigins = [], log = (line) => console.log(line) }: EmbedPageOptions = {},
): Handler {
  return async (c) => {
    let html: string;
    try {
      html = await readFile(htmlPath, 'utf8');
    } catch {
      return c.text(
        'The embed page is not built yet: run `npm run build:app` (or `npm start`, which builds it).',
        503,
      );
    }
    let page = injectDeploymentConfig(html, config);
    if (render) {
      const place = requestPlace(c);
      const url = new URL(c.req.url);
      // The query as the page's script will read it (main.tsx), so both draw the same screen.
      const search = embedSearch(url.pathname, url.search);
      const request = {
        search,
        origin: pageOrigin(url, publicOrigins),
        config,
        place,
        referrer: c.req.header('referer') ?? null,
      };
      const screen = await drawFirstScreen(render, request, log);
      if (screen) page = injectFirstScreen(page, screen, place);
    }
    return encoded(c, page);
  };
}

/** Where `vite build --mode first-screen` puts the renderer: dist/ssr, beside the app's dist/app. */
export function firstScreenModule(distDir: string): string {
  return resolve(distDir, '..', 'ssr', 'first-screen.js');
}

/**
 * The built renderer, loaded when first needed and again after each rebuild (a new file, a new module); null while
 * it is not built (the page is then drawn by its script alone).
 */
export function builtFirstScreenRenderer(modulePath: string): FirstScreenRenderer {
  let loaded: { at: number; render: FirstScreenRenderer } | null = null;
  return async (request) => {
    const built = await stat(modulePath).catch(() => null);
    if (built === null) return null;
    const { mtimeMs } = built;
    if (loaded?.at !== mtimeMs) {
      const url = `${pathToFileURL(modulePath).href}?v=${mtimeMs}`;
      const module = (await import(/* @vite-ignore */ url)) as { renderFirstScreen: FirstScreenRenderer };
      loaded = { at: mtimeMs, render: module.renderFirstScreen };
    }
    return loaded.render(request);
  };
}

/** The server concern: `/embed.html` from the built app, with the settings (add it before the static files). */
export function withEmbedPage(
  config: ServerConfig,
  distDir: string,
  options: { log?: (line: string) => void } = {},
) {
  return (app: Hono): void => {
    const handler = embedPageHandler(join(distDir, 'embed.html'), deploymentConfig(config), {
      render: builtFirstScreenRenderer(firstScreenModule(distDir)),
      publicOrigins: config.publicOrigins,
      ...options,
    });
    for (const path of EMBED_PAGE_PATHS) app.get(path, handler);
  };
}

/** The same injection for `npm run dev`, where Vite serves embed.html itself. */
export function embedConfigPlugin(config: () => DeploymentConfig): Plugin {
  return {
    name: 'connect-embed-config',
    apply: 'serve',
    // Flinks Connect's paths serve the embed page on the dev server too; the address bar keeps the path the page
    // reads (`/v2/Credential/{institution}/`).
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const url = request.url ?? '/';
        const at = url.search(/[?#]/);
        const [path, rest] = at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
        if (path !== '/embed.html' && isEmbedPagePath(path)) request.url = `/embed.html${rest}`;
        next();
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        return context.path.endsWith('/embed.html') ? injectDeploymentConfig(html, config()) : html;
      },
    },
  };
}
