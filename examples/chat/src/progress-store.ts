import { z } from 'zod';
import type { RunProgress } from './run-progress.js';

const PREFIX = 'ballast-chat:run:';

// What was stored is only trusted for the fields the app re-joins with; the rest (answer,
// citations) arrives again with RunCompleted.
const StoredProgress = z.object({
  runId: z.string().min(1),
  seq: z.int().min(0),
  text: z.string(),
  fallbacks: z.array(
    z.object({
      seq: z.int(),
      fromModel: z.string(),
      toModel: z.string(),
      reason: z.string(),
      restart: z.boolean(),
    }),
  ),
});

/**
 * The progress of `runId` kept in this tab's session storage by {@link saveProgress}, as a
 * streaming run (re-joined with `afterSeq` = its seq), or null when there is none.
 */
export function loadProgress(runId: string): RunProgress | null {
  const raw = sessionStorage.getItem(PREFIX + runId);
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = StoredProgress.safeParse(json);
  if (!parsed.success || parsed.data.runId !== runId) return null;
  return { ...parsed.data, status: 'streaming', answer: null, error: null };
}

/**
 * Keeps a streaming run's progress for a reload; forgets it once the run has ended (a
 * reload then replays the run from its first event, which the server still holds).
 */
export function saveProgress(progress: RunProgress): void {
  const key = PREFIX + progress.runId;
  if (progress.status !== 'streaming') {
    sessionStorage.removeItem(key);
    return;
  }
  const { runId, seq, text, fallbacks } = progress;
  sessionStorage.setItem(key, JSON.stringify({ runId, seq, text, fallbacks }));
}
