import type { ConnectEvent } from './events';
import { reduce, type FlowAction, type FlowConfig } from './reducer';
import type { FlowState } from './state';

/** Holds one connection's state outside React, so a dispatch runs the reducer exactly once (StrictMode included). */
export interface FlowStore {
  getState(): FlowState;
  dispatch(action: FlowAction): void;
  subscribe(listener: () => void): () => void;
}

export interface FlowStoreOptions {
  /** Read at each dispatch, so changed props apply from the next step on. */
  config(): FlowConfig;
  /** Every event of a transition, in order, after the new state is in place. */
  onEvents(events: ConnectEvent[], state: FlowState): void;
}

export function createFlowStore(initial: FlowState, options: FlowStoreOptions): FlowStore {
  let state = initial;
  let started = false;
  const listeners = new Set<() => void>();

  return {
    getState: () => state,
    dispatch(action) {
      // START is idempotent: a remount (StrictMode, or a host toggling the widget) never repeats APP_MOUNTED.
      if (action.type === 'START') {
        if (started) return;
        started = true;
      }
      const transition = reduce(state, action, options.config());
      const changed = transition.state !== state;
      state = transition.state;
      if (changed) listeners.forEach((listener) => listener());
      if (transition.events.length > 0) options.onEvents(transition.events, state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
