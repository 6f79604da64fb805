/** Where Apollo Sandbox's embed script comes from: the version Apollo Server 5's own page uses. */
export const SANDBOX_SCRIPT_URL =
  'https://embeddable-sandbox.cdn.apollographql.com/v2/embeddable-sandbox.umd.production.min.js';

const SANDBOX_FRAME_ORIGIN = 'https://sandbox.embed.apollographql.com';
const SANDBOX_CDN_ORIGIN = new URL(SANDBOX_SCRIPT_URL).origin;

/** How long the page waits for Sandbox's script before it opens GraphiQL instead: 5 s. */
export const SANDBOX_LOAD_TIMEOUT_MS = 5_000;

/** Options of {@link explorerPage}. */
export interface ExplorerPageOptions {
  /** `auto`: Sandbox, or GraphiQL if Sandbox's script does not load; `graphiql`: GraphiQL only. */
  mode: 'auto' | 'graphiql';
  /** A fresh random value per response, for the Content-Security-Policy. */
  nonce: string;
  /** Absolute path of the explorer bundle's files, e.g. `/graphql/explorer`. */
  assetsPath: string;
  /** Default: {@link SANDBOX_LOAD_TIMEOUT_MS}. */
  sandboxTimeoutMs?: number;
}

/**
 * The HTML of GET `/graphql` in a browser, under a strict Content-Security-Policy: scripts
 * only with this response's nonce (and, in `auto`, Sandbox's CDN), styles from the origin or
 * with the nonce, no plugins, no `<base>`; in `graphiql` mode nothing at all from another
 * origin (`default-src 'none'`, requests to the origin only).
 */
export function explorerPage(options: ExplorerPageOptions): string {
  const { nonce, assetsPath } = options;
  const csp = contentSecurityPolicy(options.mode, nonce);
  const graphiql = `<link rel="stylesheet" href="${assetsPath}/graphiql.css" />
    <script nonce="${nonce}" src="${assetsPath}/graphiql.js" defer></script>`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Ballast GraphQL explorer</title>
    <style nonce="${nonce}">
      html, body { margin: 0; height: 100%; }
      #graphiql, #embeddableSandbox { height: 100vh; }
      #graphiql > p { font-family: sans-serif; padding: 1em; }
      iframe { height: 100%; width: 100%; border: none; }
    </style>
    ${options.mode === 'graphiql' ? graphiql : ''}
  </head>
  <body>
    <noscript>The explorer needs JavaScript.</noscript>
    ${
      options.mode === 'graphiql'
        ? '<div id="graphiql"><p>Loading GraphiQL…</p></div>'
        : `<div id="embeddableSandbox"></div>
    <div id="graphiql" hidden><p>Apollo Sandbox cannot be reached: loading GraphiQL…</p></div>
    <script nonce="${nonce}">${sandboxOrGraphiQL(options)}</script>`
    }
  </body>
</html>
`;
}

function contentSecurityPolicy(mode: ExplorerPageOptions['mode'], nonce: string): string {
  const common = [
    `style-src 'self' 'nonce-${nonce}'${mode === 'auto' ? ` ${SANDBOX_CDN_ORIGIN}` : ''}`,
    `img-src 'self' data:`,
    `font-src 'self' data:`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ];
  if (mode === 'graphiql') {
    return [
      `default-src 'none'`,
      `script-src 'nonce-${nonce}'`,
      `connect-src 'self'`,
      ...common,
    ].join('; ');
  }
  // Sandbox runs operations from this page (it posts them out of its frame), so requests are
  // not limited to the origin here, as on Apollo's own landing page.
  return [
    `script-src 'nonce-${nonce}' ${SANDBOX_CDN_ORIGIN}`,
    `frame-src ${SANDBOX_FRAME_ORIGIN}`,
    ...common,
  ].join('; ');
}

// Loads Sandbox's script; if it fails or is late, removes Sandbox and loads GraphiQL instead.
function sandboxOrGraphiQL(options: ExplorerPageOptions): string {
  const config = {
    target: '#embeddableSandbox',
    initialState: {},
    hideCookieToggle: false,
    endpointIsEditable: false,
    runtime: '@apollo/server@5',
    runTelemetry: true,
    allowDynamicStyles: false,
  };
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `
      (function () {
        var nonce = ${json(options.nonce)};
        var assets = ${json(options.assetsPath)};
        var settled = false;
        function graphiql() {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          document.getElementById('embeddableSandbox').remove();
          document.getElementById('graphiql').hidden = false;
          var css = document.createElement('link');
          css.rel = 'stylesheet';
          css.href = assets + '/graphiql.css';
          document.head.appendChild(css);
          var js = document.createElement('script');
          js.nonce = nonce;
          js.src = assets + '/graphiql.js';
          document.body.appendChild(js);
        }
        var timer = setTimeout(graphiql, ${options.sandboxTimeoutMs ?? SANDBOX_LOAD_TIMEOUT_MS});
        var sandbox = document.createElement('script');
        sandbox.nonce = nonce;
        sandbox.src = ${json(`${SANDBOX_SCRIPT_URL}?runtime=${encodeURIComponent(config.runtime)}`)};
        sandbox.onerror = graphiql;
        sandbox.onload = function () {
          if (settled) return;
          if (typeof window.EmbeddedSandbox !== 'function') return graphiql();
          settled = true;
          clearTimeout(timer);
          document.getElementById('graphiql').remove();
          var endpoint = window.location.href.split(/[?#]/)[0];
          new window.EmbeddedSandbox(Object.assign(${json(config)}, { initialEndpoint: endpoint }));
        };
        document.head.appendChild(sandbox);
      })();`;
}
