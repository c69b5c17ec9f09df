/*
 * The public types a partner writes against and the wire contract's schemas (src/api/wire.ts) describe the same
 * bodies: checked by `npm run typecheck` (tsc). A field added to one and not the other fails here.
 */
import { expectTypeOf } from 'vitest';
import type { ConnectSessionRequest } from '../../src/session/create';
import type { SessionRequest } from '../../src/api/wire';

// What createConnectSession sends is what POST /connect/sessions takes, field for field.
expectTypeOf<Required<ConnectSessionRequest>>().toEqualTypeOf<Required<SessionRequest>>();
expectTypeOf<ConnectSessionRequest>().toEqualTypeOf<SessionRequest>();
