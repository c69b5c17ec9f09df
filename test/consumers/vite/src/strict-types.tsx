// Compiled (never run) by the app's `tsc`, under `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess` (see
// tsconfig.json), as strict codebases compile: optional values passed through as they are, and one handlers object
// spread onto both components (the same `onSuccess`/`onExit` payloads in each, and in `/connect.js`).
import {
  ConnectFrame,
  ConnectWidget,
  type ConnectExitError,
  type ConnectExitMetadata,
  type ConnectHandlers,
  type ConnectSuccessMetadata,
  type Language,
} from '@connect-widget/react';
import { createConnectSession, type ConnectSessionRequest } from '@connect-widget/react/server';
import { createSandbox, type SandboxOptions } from '@connect-widget/react/sandbox';

declare function track(...values: (string | null)[]): void;
declare const settings: { language?: Language; tag?: string; theme?: 'light' | 'dark'; institution?: string };

export const handlers: ConnectHandlers = {
  onEvent: (name, metadata) => {
    if (name === 'ERROR') track(metadata.flinksCode);
  },
  onSuccess: ({ loginId, institution, tag, accountIds }: ConnectSuccessMetadata) =>
    track(loginId, institution, tag, accountIds?.[0] ?? null),
  onExit: (error: ConnectExitError | null, { step, flinksCode }: ConnectExitMetadata) =>
    track(
      error ? `${error.flinksCode}: ${error.developerMessage} (${error.institution})` : step,
      flinksCode ?? null,
    ),
};

export function Widget() {
  return (
    <ConnectWidget
      apiBaseUrl="/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices"
      language={settings.language}
      tag={settings.tag}
      theme={settings.theme}
      institution={settings.institution}
      {...handlers}
    />
  );
}

export function Frame() {
  return <ConnectFrame url="https://connect.example/embed.html" title={undefined} {...handlers} />;
}

export function session(parentOrigin: string) {
  const request: ConnectSessionRequest = { parentOrigin, language: settings.language, tag: settings.tag };
  return createConnectSession({ baseUrl: 'https://connect.example', apiKey: 'k'.repeat(24), ...request });
}

const options: SandboxOptions = { latencyMs: undefined };
export const bank = createSandbox(options);
