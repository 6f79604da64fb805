/* global document, window */
// The offline explorer: GraphiQL over Ballast's `/graphql`, queries and mutations over HTTP,
// subscriptions over graphql-ws on the same path. Runs in the browser only: bundled by
// scripts/bundle-explorer.mjs (esbuild) into graphiql.js + graphiql.css, never typechecked by
// tsc (the server's tsconfig has no DOM), so it stays plain JavaScript.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const DEFAULT_QUERY = `# Ballast's GraphQL API. With BALLAST_AUTH=required,
# put credentials in Headers below, for instance
#   { "x-api-key": "…" }
# (the WebSocket sends them too, for subscriptions).

{
  health {
    status
  }
}
`;

// Dialogs (radix) inject <style> elements through get-nonce, which reads this global: with it
// they carry the page's nonce and pass its Content-Security-Policy without 'unsafe-inline'.
const script = document.currentScript;
if (script && script.nonce) globalThis.__webpack_nonce__ = script.nonce;

/** The GraphQL endpoint: the page's own URL without query or fragment. */
function endpoint() {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** The credentials in GraphiQL's headers editor, as Ballast's WebSocket connection params. */
function connectionParams(headers) {
  const params = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value !== 'string') continue;
    if (name.toLowerCase() === 'authorization') params.authorization = value;
    if (name.toLowerCase() === 'x-api-key') params.apiKey = value;
  }
  return params;
}

// The toolkit sends subscriptions over the WebSocket only when it sees them in `documentAST`,
// which GraphiQL parses from the editor a moment after each change: an operation run right
// after a paste would go over HTTP. The query being sent is parsed here instead.
function documentOf(query, options) {
  try {
    return parse(query);
  } catch {
    return options?.documentAST;
  }
}

/**
 * One fetcher per set of credentials: the WebSocket authenticates once, at connection, so a
 * change in the headers editor opens a new socket with the new credentials.
 */
function credentialAwareFetcher(url) {
  const wsUrl = url.replace(/^http/, 'ws');
  let current;
  return (params, options) => {
    const credentials = connectionParams(options?.headers);
    const key = JSON.stringify(credentials);
    if (!current || current.key !== key) {
      if (current) void current.wsClient.dispose();
      const wsClient = createClient({ url: wsUrl, connectionParams: credentials, lazy: true });
      current = { key, wsClient, fetcher: createGraphiQLFetcher({ url, wsClient }) };
    }
    return current.fetcher(params, { ...options, documentAST: documentOf(params.query, options) });
  };
}

const target = document.getElementById('graphiql');
if (!target) throw new Error('the explorer page has no #graphiql element');
target.replaceChildren();
createRoot(target).render(
  createElement(GraphiQL, {
    fetcher: credentialAwareFetcher(endpoint()),
    defaultQuery: DEFAULT_QUERY,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }),
);
