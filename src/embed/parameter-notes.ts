import type { ParameterName } from './parameters';

/**
 * What each `/embed.html` URL parameter does here, one sentence each, for MIGRATING.md (`npm run docs:migrating`). The
 * type below fails to compile when a parameter of `PARAMETERS` has no note. Docs only: no runtime code imports this
 * file, so the embed page does not download these sentences.
 */
export const PARAMETER_NOTES: { readonly [Name in ParameterName]: string } = {
  parentOrigin:
    'Optional: the framing page’s origin, which must be in CONNECT_ALLOWED_ORIGINS. Without it the page establishes the framing origin itself (ancestorOrigins, referrer, or the allow-list’s only entry) and accepts it only when allowed.',
  sessionToken:
    'The connect session your backend created (POST /connect/sessions); sent as a header, never in a URL the widget makes.',
  language: 'Language of every screen and of the bank’s answers (en or fr).',
  theme: 'Light or dark colour set.',
  demo: 'Lists Flinks Capital, the sandbox bank.',
  institution: 'Skips the bank list and opens this institution’s sign-in.',
  customerName: 'Your business’s name, on the consent and account screens.',
  maximumRetry:
    'Failed credential or MFA attempts in a row before MAXIMUM_RETRY_REACHED and the lock-out guidance (default 3).',
  tag: 'Free text sent with the login (Tag) and echoed in REDIRECT and its url.',
  consentEnable: 'Starts with the consent screen.',
  closeEnable: 'Shows the close button, which ends the flow with COMPONENT_CLOSE_SESSION.',
  backEnable: 'Lets the person go back from the sign-in to the bank list.',
  institutionFilterEnable: 'Shows the search box on the bank list.',
  accountSelectorEnable:
    'After the login, the person picks an account (GetAccountsDetail); REDIRECT carries accountId.',
  requestId: 'Resumes an open MFA session at its security questions.',
  loginId: 'Reconnects a saved login (Authorize with MostRecentCached) instead of asking for credentials.',
  authorizeToken: 'The single-use token your server minted, sent once as flinks-auth-key on /Authorize.',
  redirectUrl:
    'Where success leads, with loginId, institution and tag appended (REDIRECT’s url). The page goes there only on an origin of CONNECT_REDIRECT_ORIGINS (default CONNECT_ALLOWED_ORIGINS, and then, framed, the framing page’s origin); any other address is still REDIRECT’s url. With webview=true it may be a deep link such as myapp://connected, in a scheme named in CONNECT_APP_SCHEMES.',
  stringify: 'Events are posted as JSON strings instead of objects.',
  headerEnable: 'Shows a header above the widget with the page’s title and customerName.',
  headerImgEnable: 'With headerEnable, the header also shows a padlock image.',
  accountSelectorNoTitle:
    'The account selector’s title is hidden from view (screen readers still hear it, and focus still lands on it).',
  accountSelectorMultiple:
    'The person may choose one account or several (checkboxes, “Select all” for long lists); one ACCOUNT_SELECTED per account, and REDIRECT and onSuccess carry accountIds.',
  termsUrl:
    'Your terms, linked from the consent screen (a new tab); opening them raises COMPONENT_CLICK_TERMS_URL, accepting or declining COMPONENT_ACCEPT_TERMS or COMPONENT_DENY_TERMS. A web address only (http or https).',
  enhancedMFA:
    'After the login, every security question the bank keeps for it is asked and saved (GetMFAQuestions, AnswerMFAQuestions), so scheduled refreshes never stop on one; ENHANCED_MFA_HAS_QUESTIONS or ENHANCED_MFA_NO_QUESTIONS says which.',
  skipEnhancedMFA: 'With enhancedMFA, the person may go on without answering the stored questions.',
  showAllOperationsAccounts: 'The account selector lists every account, not only those of productType.',
  daysOfTransactions:
    'Asks for this much transaction history: the data call is GetAccountsDetail with WithTransactions and DaysOfTransactions.',
  detailsAndStatementEnable:
    'Asks for details (GetAccountsDetail with transactions) and for statements (GetStatements with NumberOfStatements = monthsOfStatements).',
  monthsOfStatements: 'How many statements detailsAndStatementEnable asks for (default Months3).',
  scheduleRefresh:
    'The login is enrolled in Flinks’ scheduled refresh: Authorize carries ScheduleRefresh, and the consent screen says the data stays up to date until the person stops it.',
  innerRedirect: 'On success, the iframe itself goes to redirectUrl instead of the top window.',
  jsRedirect: 'On success, nothing navigates: your listener handles REDIRECT (its url) itself.',
  webview:
    'Mobile webviews: events go as JSON strings to window.ReactNativeWebView.postMessage, else webkit.messageHandlers.flinksEvent, else the Android interface window.FlinksAndroid.postMessage, never to window.parent; success goes to the redirectUrl deep link.',
  oauthWindowRedirect:
    'OAuth banks sign in by a whole-window trip to the bank’s page and back to redirectUrl instead of a popup.',
  demoOutbound:
    'In the sandbox, Flinks Capital signs in through the sandbox bank’s OAuth page (Allow / Deny), as an OAuth bank would.',
  backgroundColor:
    'Background colour token. Text keeps a 4.5:1 contrast (WCAG AA): a colour that would fail is adjusted and the console says so.',
  foregroundColor1:
    'Accent colour token (buttons, links, focus). Adjusted, with a console message, when it would fall below 4.5:1 against the background or its button text.',
  desktopLayout:
    'A wider, centred card on wide screens (true), or the narrow mobile column everywhere (false). Unset: the card fills the frame.',
  fixedHeightEnable:
    'The page keeps the frame’s height and scrolls inside it; APP_RESIZE then reports that height.',
  removePadding: 'No padding or border around the widget: it sits flush in your frame.',
  boxLayout: 'The widget sits in a centred box with a shadow, on a tinted page.',
  staticLoadingEnable: 'Loading indicators do not move (no animation).',
  loadingType: 'Loading style: text shows words only; any other value shows the animated indicator.',
  productType:
    'Which accounts the connection is for: the selector lists those (unless showAllOperationsAccounts): banking, the everyday accounts pay goes into (chequing, savings; never a card or a line of credit); investment, the investment accounts. Cards and credit lines are always listed last.',
};
