import type { IncomingMessage, ServerResponse } from 'node:http';
import { activeTelemetry } from './active.js';

/**
 * The `/metrics` route: every metric in the Prometheus text format, or 503 when the process runs
 * without the SDK (started without `--import ./src/telemetry.ts`).
 */
export function serveMetrics(request: IncomingMessage, response: ServerResponse): void {
  const telemetry = activeTelemetry();
  if (telemetry) {
    telemetry.serveMetrics(request, response);
    return;
  }
  response.statusCode = 503;
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.end('# telemetry is not started: run with --import ./src/telemetry.ts\n');
}
