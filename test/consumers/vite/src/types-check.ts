// Compiled (never run) by the app's `tsc`: the package's types as a partner's TypeScript sees them.
import type { ConnectEventHandler, ConnectWidgetProps } from '@connect-widget/react';
import type { ConnectSession } from '@connect-widget/react/server';
import type { RunningSandbox } from '@connect-widget/react/sandbox';

declare function track(name: string): void;

export const nameOnly: ConnectWidgetProps['onEvent'] = (name) => track(name);
export const narrowing: ConnectEventHandler = (name, metadata) => {
  if (name === 'ERROR') track(metadata.flinksCode);
  if (name === 'APP_RESIZE') track(metadata.height.toFixed(0));
};
// @ts-expect-error APP_RESIZE carries no flinksCode
export const wrong: ConnectEventHandler = (name, metadata) => name === 'APP_RESIZE' && metadata.flinksCode;

export const session: ConnectSession = { sessionToken: 't', expiresAt: '2026-01-01T00:00:00.000Z' };
export type Bank = RunningSandbox['apiBaseUrl'];
