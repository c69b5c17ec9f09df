import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handler, Hono } from 'hono';
import type { Plugin } from 'vite';
import { CONFIG_META_NAME, type DeploymentConfig } from '../src/embed/config';
import type { ServerConfig } from './config';

/** What the embed page learns from the server: the API, the allowed origins, the request timeout, whether sessions are required. */
export function deploymentConfig(
  config: Pick<ServerConfig, 'apiUrl' | 'allowedOrigins' | 'requestTimeoutMs'> & {
    sessions?: Pick<ServerConfig['sessions'], 'required'>;
  },
): DeploymentConfig {
  return {
    apiBaseUrl: config.apiUrl,
    allowedOrigins: config.allowedOrigins,
    requestTimeoutMs: config.requestTimeoutMs,
    ...(config.sessions?.required ? { sessionRequired: true } : {}),
  };
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
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
    ? withoutOld.replace('</head>', `  ${tag}\n  </head>`)
    : `${tag}\n${withoutOld}`;
}

/** GET /embed.html: the built page with the settings. Read at each request, so a rebuild shows at once. */
export function embedPageHandler(htmlPath: string, config: DeploymentConfig): Handler {
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
    c.header('Cache-Control', 'no-cache');
    return c.html(injectDeploymentConfig(html, config));
  };
}

/** The server concern: `/embed.html` from the built app, with the settings (add it before the static files). */
export function withEmbedPage(config: ServerConfig, distDir: string) {
  return (app: Hono): void => {
    app.get('/embed.html', embedPageHandler(join(distDir, 'embed.html'), deploymentConfig(config)));
  };
}

/** The same injection for `npm run dev`, where Vite serves embed.html itself. */
export function embedConfigPlugin(config: () => DeploymentConfig): Plugin {
  return {
    name: 'connect-embed-config',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        return context.path.endsWith('/embed.html') ? injectDeploymentConfig(html, config()) : html;
      },
    },
  };
}
