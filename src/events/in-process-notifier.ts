import { EventEmitter } from 'node:events';
import type { Notifier } from './notifier.js';

/**
 * Fan-out inside one process: the embedded mode, where one process owns the database.
 */
export function createInProcessNotifier(): Notifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    hearsDatabase: false,
    async publish(channel, id) {
      emitter.emit(channel, id);
    },
    subscribe(channel, listener) {
      emitter.on(channel, listener);
      return () => emitter.off(channel, listener);
    },
    onReconnect() {
      return () => undefined;
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
