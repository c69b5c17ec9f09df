/**
 * The `source` of the message `/oauth/return` posts to the widget's window (its schema: `oauthReturnMessageSchema` in
 * ./wire.ts). A module of its own, without valibot: the widget's OAuth chunk needs only this word at run time.
 */
export const OAUTH_MESSAGE_SOURCE = 'connect-widget-oauth';
