import type { Hono } from 'hono';
import { compactCatalog, type CatalogEntry } from '../src/sandbox/compact-catalog';
import type { BankUpstream } from './proxy';

/**
 * The institution catalog the widget's bank list searches (`GET /v3/institutions`): the server pages through Flinks'
 * `Institutions` endpoint (reference/institutions.md) 1,000 at a time, keeps the result for an hour, and serves a
 * compact list. One fetch at a time: requests that arrive meanwhile share it.
 */

export type { CatalogEntry };

export const CATALOG_TTL_MS = 60 * 60_000;

function fetchAll(upstream: BankUpstream, sandbox: boolean): Promise<CatalogEntry[]> {
  return compactCatalog((endpoint) => upstream.send({ method: 'GET', endpoint, authorize: false }), sandbox);
}

export function withInstitutionCatalog(options: {
  upstream: BankUpstream;
  sandbox: boolean;
  now?: () => number;
  log?: (line: string) => void;
}) {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  let cached: { body: string; at: number } | null = null;
  let loading: Promise<string> | null = null;

  function load(): Promise<string> {
    loading ??= fetchAll(options.upstream, options.sandbox)
      .then((entries) => {
        const body = JSON.stringify(entries);
        cached = { body, at: now() };
        log(`catalog: ${entries.length} institutions`);
        return body;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return (app: Hono): void => {
    app.get('/v3/institutions', async () => {
      let body = cached?.body;
      if (!cached || now() - cached.at > CATALOG_TTL_MS) {
        try {
          body = await load();
        } catch {
          log('catalog: Institutions could not be read');
          // An older list beats none; without one, the widget keeps its built-in list.
          if (!body)
            return Response.json(
              { error: 'unavailable' },
              { status: 502, headers: { 'cache-control': 'no-store' } },
            );
        }
      }
      return new Response(body, {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'public, max-age=3600',
        },
      });
    });
  };
}
