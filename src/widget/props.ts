import type { QueryClient } from '@tanstack/react-query';
import type { ProductType } from '../flow/actions';
import type { ConnectHandlers } from '../flow/host';
import type { GuidanceOverrides } from '../guidance';
import type { Language } from '../i18n';

/**
 * Props of `<ConnectWidget>`. Only `apiBaseUrl` is required.
 *
 * @example
 * <ConnectWidget
 *   apiBaseUrl="/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices"
 *   language="fr"
 *   demo
 *   customerName="Acme Lending"
 *   onSuccess={({ loginId }) => saveLogin(loginId)}
 *   onExit={(error, { step }) => close(error?.flinksCode ?? step)}
 * />
 */
export interface ConnectWidgetProps extends ConnectHandlers {
  /** Base URL of the Flinks-compatible API, e.g. `https://toolbox-api.private.fin.ag/v3/{customerId}/BankingServices`. */
  apiBaseUrl: string;
  /** Language of every text and of the bank's answers. Changing it keeps the person's progress. Default `en`. */
  language?: Language | undefined;
  /** Colour theme. Default `light`. */
  theme?: 'light' | 'dark' | undefined;
  /** Lists Flinks Capital, the sandbox bank. */
  demo?: boolean | undefined;
  /** Flinks institution id (e.g. `FlinksCapital`, `RBC`): skips the bank list. */
  institution?: string | undefined;
  /** The business asking for the connection, named on the consent and account screens. */
  customerName?: string | undefined;
  /** Failed credential or MFA attempts in a row before the lock-out guidance. Default 3. */
  maximumRetry?: number | undefined;
  /** Free text sent to Flinks with the login and echoed in REDIRECT. */
  tag?: string | undefined;
  /** Starts with the consent screen. Default `false`. */
  consentEnable?: boolean | undefined;
  /** Shows the close button. Default `true`. */
  closeEnable?: boolean | undefined;
  /** Allows going back (credentials -> bank list, MFA -> credentials). Default `true`. */
  backEnable?: boolean | undefined;
  /** Shows the search box on the bank list. Default `true`. */
  institutionFilterEnable?: boolean | undefined;
  /** Lets the person pick one account after the login (GetAccountsDetail). Default `false`. */
  accountSelectorEnable?: boolean | undefined;
  /**
   * Lets the person pick one or several accounts (checkboxes; "select all" for long lists): ACCOUNT_SELECTED for each,
   * then REDIRECT and `onSuccess` with `accountIds`. Shows the account selector by itself. Default `false`.
   */
  accountSelectorMultiple?: boolean | undefined;
  /**
   * Your terms of use (an absolute http(s) address): the consent screen links them (new tab), and agreeing or
   * declining raises COMPONENT_ACCEPT_TERMS or COMPONENT_DENY_TERMS; opening them COMPONENT_CLICK_TERMS_URL.
   */
  termsUrl?: string | undefined;
  /**
   * Enhanced MFA: after a live sign-in, asks every security question the bank keeps for the login
   * (GetMFAQuestions / AnswerMFAQuestions) so scheduled refreshes never stop on one. Raises
   * ENHANCED_MFA_HAS_QUESTIONS or ENHANCED_MFA_NO_QUESTIONS. Default `false`.
   */
  enhancedMFA?: boolean | undefined;
  /** With `enhancedMFA`: the person may skip those questions. Default `false`. */
  skipEnhancedMFA?: boolean | undefined;
  /** Resumes an open MFA session at its challenges. */
  requestId?: string | undefined;
  /** Reconnects a saved login (cached Authorize) instead of asking for credentials. */
  loginId?: string | undefined;
  /** Single-use token minted server-side, sent once as `flinks-auth-key` on /Authorize. */
  authorizeToken?: string | undefined;
  /**
   * The connect session your backend created for this connection (`POST /connect/sessions` on the widget's server). Sent on
   * every API call as `Authorization: Bearer …`, never in a URL. Required when the server requires sessions.
   */
  sessionToken?: string | undefined;
  /**
   * Gets a new session from your backend when the server refuses the current one (it expired): the refused call is
   * sent again with it, so the person notices nothing. Without it, an ended session shows the "session ended" screen,
   * with ERROR `ACCESS_DENIED` and then `onExit`, so that you can open the widget again with a new session.
   * Read at call time: an inline arrow is fine.
   */
  getSessionToken?: (() => Promise<string>) | undefined;
  /**
   * For the embed page only: the origin of the page that frames it, told to the connect server, which believes it
   * only from its own origin and checks it against the session's `parentOrigin`.
   */
  frameParentOrigin?: string | undefined;
  /**
   * OAuth banks: open the bank's page in the whole window instead of a popup (mobile browsers,
   * webviews). It comes back to `oauthRedirectUrl` (default: this page); hand that address back as
   * `receivedRedirectUri` to finish. Default `false`.
   */
  oauthWindowRedirect?: boolean | undefined;
  /** Where a whole-window trip to an OAuth bank comes back: a page of yours (an allowed origin). Default: this page. */
  oauthRedirectUrl?: string | undefined;
  /**
   * The address your page was opened with after a whole-window trip to an OAuth bank (it carries `state` and
   * `loginId` or `error`), as Plaid's `receivedRedirectUri`: the widget collects the outcome once and carries on where
   * it left off (processing, accounts, REDIRECT). A second use of the same address (a refresh) shows the "start again"
   * screen (OAUTH_STATE_INVALID), never a crash. Remove it from your page's address once `onSuccess` or `onExit` ran.
   *
   * @example
   * <ConnectWidget apiBaseUrl={api} oauthWindowRedirect receivedRedirectUri={window.location.href} />
   */
  receivedRedirectUri?: string | undefined;
  /**
   * Lists the connect server's whole institution catalog (`GET /v3/institutions`: thousands of banks and credit
   * unions) instead of the built-in Canadian banks, fetched when the bank list first shows. Default `false`.
   */
  institutionCatalog?: boolean | undefined;
  /** Flinks Connect's `demoOutbound`: Flinks Capital signs in through the sandbox bank's OAuth page. */
  demoOutbound?: boolean | undefined;
  /**
   * Where success leads, as in Flinks Connect: REDIRECT's `url` (and `onSuccess`'s) is this address with `loginId`,
   * `institution`, `tag` and the chosen account(s) appended. Default: the widget server's `/connected` page.
   */
  redirectUrl?: string | undefined;
  /** With `accountSelectorEnable`, list every account, not only those of `productType`. Default `false`. */
  showAllOperationsAccounts?: boolean | undefined;
  /**
   * Which accounts the connection is for: `banking` (the everyday accounts pay goes into: chequing and savings, never a
   * card or a line of credit) or `investment`. Default: every kind, cards and credit lines last.
   */
  productType?: ProductType | undefined;
  /** With `accountSelectorEnable`, the selector's title is hidden from view (still read out, still focused). */
  accountSelectorNoTitle?: boolean | undefined;
  /** Transaction history to ask for: the data call becomes GetAccountsDetail with `DaysOfTransactions`. */
  daysOfTransactions?: 'Days90' | 'Days365' | undefined;
  /** Also asks for the bank's statements (GetStatements), `monthsOfStatements` of them. */
  detailsAndStatementEnable?: boolean | undefined;
  /** How many statements `detailsAndStatementEnable` asks for. Default `Months3`. */
  monthsOfStatements?: 'MostRecent' | 'Months3' | 'Months12' | undefined;
  /**
   * Enrols the login in Flinks' scheduled refresh (`ScheduleRefresh` on Authorize); the consent screen then says the
   * data stays up to date until the person stops it. Set it wherever your connect session sets it.
   */
  scheduleRefresh?: boolean | undefined;
  /** How long one API call may take before TIMEOUT. Default 240000 (above Flinks' 210 s dispatch limit). */
  requestTimeoutMs?: number | undefined;
  /** Polling interval of the Async endpoints after a 202. Default 10000. */
  pollIntervalMs?: number | undefined;
  /** When polling gives up (TIMEOUT). Default 30 minutes. */
  pollTimeoutMs?: number | undefined;
  /** Your own title/body per code and language, in place of the built-in guidance text. */
  guidanceOverrides?: GuidanceOverrides | undefined;
  /** Shares your react-query client; the widget brings its own otherwise. */
  queryClient?: QueryClient | undefined;
  /**
   * Every event, never with a secret, as `(name, metadata)`. Narrow on the name:
   * `onEvent={(name, metadata) => { if (name === 'ERROR') log(metadata.flinksCode); }}`, or take the name alone:
   * `onEvent={(name) => track(name)}`.
   */
  onEvent?: ConnectHandlers['onEvent'] | undefined;
  /** The connection is done: keep `loginId` server-side. Called once, after the REDIRECT event. */
  onSuccess?: ConnectHandlers['onSuccess'] | undefined;
  /** The person left. `error` is the problem on screen when they did, with a developer message; null otherwise. */
  onExit?: ConnectHandlers['onExit'] | undefined;
}
