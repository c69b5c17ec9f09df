import type { ConnectEventArgs, ConnectEventName } from '../flow/events';

/** Which embed an event came from. */
export type EventSource = 'component' | 'frame';

export interface LoggedEvent {
  id: number;
  source: EventSource;
  name: ConnectEventName;
  metadata: unknown;
}

export interface EventLog {
  add(source: EventSource, ...event: ConnectEventArgs): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
  /** Newest first; the same array until something changes. */
  entries(): readonly LoggedEvent[];
}

/**
 * The host's event log as a tiny store, so an arriving event re-renders the log alone and never the widgets.
 * Keeps the latest `limit` events.
 */
export function createEventLog(limit = 200): EventLog {
  let entries: readonly LoggedEvent[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  return {
    add(source, ...[name, metadata]) {
      entries = [{ id: nextId++, source, name, metadata }, ...entries].slice(0, limit);
      changed();
    },
    clear() {
      if (entries.length === 0) return;
      entries = [];
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    entries: () => entries,
  };
}
