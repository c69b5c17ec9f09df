/**
 * English strings of the `screens` namespace: the widget's screens after the sign-in (progress, accounts, the end, the
 * exit question) and the sign-in form's notes about the bank's answer. With the later screens' text, not the first
 * chunk.
 */
export const screens = {
  processing: {
    progress: 'Progress',
    exit: 'Exit',
    titles: {
      signingIn: 'Signing in to {bank}',
      resuming: 'Picking up where you left off',
      gathering: 'Gathering your accounts',
      retrying: 'One moment',
    },
    stages: {
      signingIn: {
        first: 'Connecting securely to {bank}…',
        second: 'Checking your sign-in with {bank}…',
        third: '{bank} is taking a little longer than usual. Keep this window open.',
        fourth: 'Still working. Some banks take up to 4 minutes.',
      },
      gathering: {
        first: 'Getting your list of accounts…',
        second: 'Getting your balances…',
        third: 'Almost there…',
        fourth: 'Still working. Some banks take a few minutes.',
      },
    },
  },
  accounts: {
    /** The title asks the question, naming the partner; there is no intro to repeat it. */
    title: 'Which account should {customer} use?',
    titleAnonymous: 'Choose an account',
    legend: 'Your accounts at {bank}',
    number: 'Account ending in {digits}',
    balance: 'Balance: {amount}',
    /** A card or a line of credit: what its balance means. */
    owed: 'Amount owed: {amount}',
    submit: 'Continue',
    required: 'Select one of the accounts to continue.',
  },
  success: {
    title: 'Connection complete',
    /** When the person finished before the bank sent the account list. */
    body: 'Your account at {bank} is now connected.',
    oneAccount: '{account} at {bank} is now connected.',
    severalAccounts: '{count} accounts at {bank} are now connected:',
    /** Read out between an account's name and its last digits, in place of the dots. */
    endingIn: 'ending in',
    oneMore: 'and 1 more account',
    more: 'and {count} more accounts',
    /** The one way forward: back to the partner. */
    continueTo: 'Continue to {customer}',
    done: 'Done',
  },
  exit: {
    title: 'Leave without connecting?',
    body: 'Your account isn’t connected yet. If you leave now, you’ll need to start again.',
    stay: 'Stay',
    leave: 'Leave',
  },
  /** After the person left: with the later screens, since no one sees it before leaving. */
  closed: {
    title: 'Connection cancelled',
    body: 'Nothing was connected or shared.',
    startAgain: 'Start again',
    /** After success: the account is connected, whatever the close button says. */
    connected: {
      title: 'All done',
      body: 'You can close this window.',
    },
    /** Left after the bank accepted the sign-in, before the end: something exists at the bank, so no "nothing shared". */
    unfinished: 'You left before the connection was finished.',
  },
  credentials: {
    forgotUsername: 'Forgot your username?',
    /** In the bank's answer when one more refused try reaches `maximumRetry`. */
    lastTry: 'One try left before {bank} may lock your account.',
    /** Neutral notes under a field (the alert above the form says what happened): never styled as errors. */
    notes: {
      cleared: 'We emptied this field for your security.',
    },
  },
};
