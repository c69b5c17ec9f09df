import type { TestProject } from 'vitest/node';
import { appBuildIsStale, buildApp } from '../../server/build';
import { createHostApp } from './host-app';
import { startStage } from './stage';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Debian's Chromium and the flags of TOOLCHAIN.md, from vitest.config.ts. */
    chromium: { executablePath: string; args: string[] };
    /** The widget's server (`npm start`'s app): `http://127.0.0.1:A`. */
    widgetOrigin: string;
    /** The partner's page, an allowed origin: `http://127.0.0.1:B`. */
    hostOrigin: string;
    /** The same partner page under a name the widget does not allow: `http://localhost:B`. */
    foreignHostOrigin: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (appBuildIsStale()) await buildApp({ quiet: true });
  const stage = await startStage(createHostApp);
  project.provide('widgetOrigin', stage.widgetOrigin);
  project.provide('hostOrigin', stage.hostOrigin);
  project.provide('foreignHostOrigin', stage.foreignHostOrigin);
  return () => stage.close();
}
