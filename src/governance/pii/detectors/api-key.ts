import { scan, wholeMatch } from '../scan.js';
import type { PiiDetector } from '../types.js';

// Credential formats documented by each provider. Each starts with a fixed prefix, so a scan
// only does work where one occurs.
const PROVIDER_KEY = new RegExp(
  String.raw`(?<![\w-])(?:` +
    [
      String.raw`sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,}`, // OpenAI, Anthropic
      String.raw`(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`, // AWS access key id
      String.raw`gh[pousr]_[A-Za-z0-9]{36,255}`, // GitHub tokens
      String.raw`github_pat_[A-Za-z0-9_]{22,255}`, // GitHub fine-grained token
      String.raw`xox[baprs]-[A-Za-z0-9-]{10,}`, // Slack
      String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`, // Stripe secret and restricted keys
      String.raw`AIza[A-Za-z0-9_-]{35}`, // Google API key
      String.raw`glpat-[A-Za-z0-9_-]{20,}`, // GitLab personal access token
      String.raw`npm_[A-Za-z0-9]{36}`, // npm access token
      String.raw`hf_[A-Za-z0-9]{34,}`, // Hugging Face token
      String.raw`https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{24}`, // Slack webhook
      String.raw`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`, // JWT
    ].join('|') +
    String.raw`)(?![\w-])`,
  'g',
);
const KNOWN_PREFIX =
  /^(?:sk-(?:proj-|svcacct-|admin-|ant-[a-z]+\d\d-)?|A[KSBC][IC]A|gh[pousr]_|github_pat_|xox[baprs]-|[sr]k_(?:live|test)_|AIza|glpat-|npm_|hf_|https:\/\/hooks\.slack\.com\/services\/)/;
const DIGIT = /\d/;
const LETTER = /[A-Za-z]/;
const JWT_HEADER = /^\{\s*"(?:alg|typ|kid)"/;

/** Real keys are random: documentation placeholders (`sk-xxxxxxxx…`) have no digits. */
function looksRandom(key: string): boolean {
  const body = key.replace(KNOWN_PREFIX, '');
  return DIGIT.test(body) && LETTER.test(body) && new Set(body).size >= 8;
}

function isJwt(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  return JWT_HEADER.test(Buffer.from(header, 'base64url').toString('utf8'));
}

/**
 * API keys and tokens of common providers: OpenAI (`sk-…`, `sk-proj-…`), Anthropic
 * (`sk-ant-…`), AWS access key ids (`AKIA…`, `ASIA…`), GitHub (`ghp_…`, `github_pat_…`), Slack
 * (`xoxb-…`, webhook URLs), Stripe (`sk_live_…`, `rk_live_…`), Google (`AIza…`), GitLab
 * (`glpat-…`), npm (`npm_…`), Hugging Face (`hf_…`) and JWTs (`eyJ….eyJ….…`).
 */
export const apiKeyDetector: PiiDetector = {
  type: 'API_KEY',
  find: (text) =>
    scan(text, PROVIDER_KEY, (match) => {
      const key = match[0];
      const valid = key.startsWith('eyJ') ? isJwt(key) : looksRandom(key);
      return valid ? wholeMatch(match) : null;
    }),
};
