import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformWithEsbuild, type Plugin } from 'vite';

/** src/embed/held-submit.ts: the embed page's first script. */
const SOURCE = resolve(import.meta.dirname, '../src/embed/held-submit.ts');

/** The script as the browser gets it: minified, one classic script (no module, no import). */
export async function heldSubmitScript(): Promise<string> {
  const { code } = await transformWithEsbuild(readFileSync(SOURCE, 'utf8'), SOURCE, {
    minify: true,
    target: 'es2020',
  });
  // The source is a module only for TypeScript's sake: it imports and exports nothing, and runs as a classic script.
  const script = code.replace(/export\s*\{\s*\};?\s*$/, '').trim();
  if (/\b(?:import|export)\b/.test(script)) throw new Error(`${SOURCE} must import and export nothing`);
  return script;
}

/**
 * Puts src/embed/held-submit.ts in the embed page as its first script, a file of its own beside the widget's
 * (`/assets/held-submit-<hash>.js`, cached like them; the page's CSP allows only its own scripts, never inline ones).
 * `async`: it runs as soon as it arrives, without waiting for the page or holding it up. In `npm run dev` it is served
 * from memory at the same address.
 */
export function heldSubmitPlugin(): Plugin {
  let script: { fileName: string; code: string } | null = null;
  const build = async () => {
    const code = await heldSubmitScript();
    const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
    script = { fileName: `assets/hold-${hash}.js`, code };
    return script;
  };
  return {
    name: 'connect-held-submit',
    async buildStart() {
      const { fileName, code } = await build();
      if (this.meta.watchMode) return;
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (script && request.url === `/${script.fileName}`) {
          response.setHeader('content-type', 'text/javascript');
          response.end(script.code);
        } else next();
      });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(_html, context) {
        if (!context.path.endsWith('/embed.html')) return undefined;
        const { fileName } = script ?? (await build());
        return [{ tag: 'script', attrs: { src: `/${fileName}`, async: true }, injectTo: 'head-prepend' }];
      },
    },
  };
}
