/** English strings of the `ui` namespace: the widget's own screens and chrome. `{bank}` is the institution's name. */
export const ui = {
  widget: {
    label: 'Bank connection',
    back: 'Back',
    close: 'Close',
    offline: 'You’re offline. What you typed is kept: continue once your connection is back.',
    loading: 'Loading…',
    /** Stands in for `{bank}` when the institution isn't known yet. */
    yourBank: 'your bank',
    /** Added to the accessible name of links that open the bank's website. */
    opensInNewTab: '(opens in a new tab)',
    stepUnavailable: {
      title: 'This screen didn’t load',
      body: 'Your connection may have dropped while this step was loading. Check it, then try again.',
      retry: 'Try again',
    },
  },
  consent: {
    title: 'Connect your bank account',
    intro: '{customer} uses this secure connection to see information from your bank account.',
    introAnonymous:
      'This secure connection lets the service you’re using see information from your bank account.',
    sharedHeading: 'What will be shared',
    shared: {
      accounts: 'Your account names, numbers and types',
      balances: 'Your balances',
      transactions: 'Your recent transactions',
      identity: 'Your name and contact details, as your bank has them',
    },
    /** How long: without `scheduleRefresh`, once. */
    once: 'This is shared once, when you connect. Nothing is shared after that.',
    /** With `scheduleRefresh`: until the person stops it, and how. */
    ongoing: 'This is shared now, then kept up to date until you ask {customer} to stop.',
    ongoingAnonymous:
      'This is shared now, then kept up to date until you ask the service you’re using to stop.',
    notShared: 'Your password is never shared with {customer} and is never saved on this device.',
    notSharedAnonymous: 'Your password is never shared and is never saved on this device.',
    accept: 'Agree and continue',
    deny: 'No thanks',
    /** With `termsUrl`: agreeing accepts the partner's terms too. */
    termsNote: 'Agreeing also means you accept {customer}’s terms of use.',
    termsNoteAnonymous: 'Agreeing also means you accept the terms of use.',
    terms: 'Read the terms of use',
  },
  institution: {
    title: 'Choose your bank',
    search: 'Search for your bank',
    list: 'Banks',
    /** The first screen's grid, before any search. */
    popular: 'Popular banks',
    searchPlaceholder: 'RBC, Desjardins, Tangerine…',
    /** After a search that found nothing: leaves, and tells the host (`institution_not_found`). */
    notFound: 'Can’t find your bank?',
    results: '{count} banks match.',
    oneResult: '1 bank matches.',
    noResults: 'No bank matches “{query}”. Check the spelling, or try its full name.',
  },
  credentials: {
    title: 'Sign in to {bank}',
    intro: 'Use the username and password you use for {bank}’s online banking.',
    username: 'Username or card number',
    password: 'Password',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    capsLock: 'Caps Lock is on.',
    submit: 'Connect',
    /** Describes the Connect button while the page's script loads (the form came drawn by the partner's server). */
    waitForScript: 'The form is getting ready. You can type now; this button works in a moment.',
    privacy: 'Your password goes straight to {bank} over a secure connection. It is never saved.',
    forgotPassword: 'Forgot your password?',
    required: {
      username: 'Enter your username or card number.',
      password: 'Enter your password.',
    },
  },
};
