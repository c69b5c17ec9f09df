/**
 * A random identifier (a RequestId, a LoginId) can hold a short numeric secret by chance: "…-a610-0123456fdff6" holds
 * the sandbox's one-time code 123456. Identifiers may go anywhere; a hunt for secrets masks them first.
 */
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const withoutGuids = (text: string): string => text.replace(GUID, '<guid>');
