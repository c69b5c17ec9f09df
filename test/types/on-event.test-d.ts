/*
 * Type tests of `onEvent`, checked by `npm run typecheck` (tsc) and, from the packed package, by the consumer apps
 * under TypeScript 5.9 and 7 (test/consumers). A `@ts-expect-error` that stops being an error fails the check.
 */
import { expectTypeOf } from 'vitest';
import type { ConnectEventArgs, ConnectEventHandler, ConnectEventName, ConnectWidgetProps } from '../../src';
import type { ConnectHandlers } from '../../src/embed';
import type { FlinksCode } from '../../src/api/codes';

declare function track(name: ConnectEventName): void;

// One argument: the name alone, typed.
const nameOnly: ConnectWidgetProps['onEvent'] = (name) => {
  expectTypeOf(name).toEqualTypeOf<ConnectEventName>();
  track(name);
};

// Two arguments: checking the name narrows the metadata.
const narrowing: ConnectWidgetProps['onEvent'] = (name, metadata) => {
  if (name === 'ERROR') expectTypeOf(metadata.flinksCode).toEqualTypeOf<FlinksCode>();
  if (name === 'APP_RESIZE') expectTypeOf(metadata.height).toEqualTypeOf<number>();
  if (name === 'REDIRECT') expectTypeOf(metadata.accountId).toEqualTypeOf<string | undefined>();
};

// The same for `<ConnectFrame>` and `/connect.js`.
const frameNameOnly: ConnectHandlers['onEvent'] = (name) => track(name);
const frameNarrowing: ConnectHandlers['onEvent'] = (name, metadata) => {
  if (name === 'INSTITUTION_SELECTED') expectTypeOf(metadata.institution).toEqualTypeOf<string>();
};

// Passing every argument on.
declare function forward(...event: ConnectEventArgs): void;
const passOn: ConnectEventHandler = (...event) => forward(...event);

// No argument, async handlers, function expressions and handlers declared elsewhere.
const none: ConnectEventHandler = () => undefined;
const asynchronous: ConnectEventHandler = async (name, metadata) => {
  if (name === 'REDIRECT') await Promise.resolve(metadata.loginId);
};
const expression: ConnectEventHandler = function (name, metadata) {
  if (name === 'COMPONENT_LOAD_MFA') expectTypeOf(metadata.mfaTypes).toEqualTypeOf<string[]>();
};
const rest: ConnectEventHandler = (...event: ConnectEventArgs) => event;
function loose(name: string, metadata: unknown): void {
  void [name, metadata];
}
const declaredLoose: ConnectEventHandler = loose;
const declaredName: ConnectEventHandler = (name: string) => name;

// What must not type-check.
// @ts-expect-error APP_RESIZE carries no flinksCode
const wrongField: ConnectEventHandler = (name, metadata) => name === 'APP_RESIZE' && metadata.flinksCode;
// @ts-expect-error NOPE is not an event name
const unknownName: ConnectEventHandler = (name) => name === 'NOPE';
// @ts-expect-error an event name is not a number
const wrongName: ConnectEventHandler = (name: number) => name;
// @ts-expect-error the metadata is not a number
const wrongMetadata: ConnectEventHandler = (name: string, metadata: number) => [name, metadata];
// @ts-expect-error there is no third argument
const third: ConnectEventHandler = (name: string, metadata: unknown, extra: string) => [
  name,
  metadata,
  extra,
];

export const handlers = [
  nameOnly,
  passOn,
  narrowing,
  frameNameOnly,
  frameNarrowing,
  none,
  asynchronous,
  expression,
  rest,
  declaredLoose,
  declaredName,
  wrongField,
  unknownName,
  wrongName,
  wrongMetadata,
  third,
];
