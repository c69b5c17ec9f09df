/** English strings of the `oauth` namespace: an OAuth bank's hand-off screens (later chunk). `{bank}` is its name. */
export const oauth = {
  readyTitle: 'Sign in on {bank}’s website',
  readyBody: '{bank} signs you in on its own website, in a new window. Your password stays with {bank}.',
  readyBodyWhole:
    '{bank} signs you in on its own website. You’ll come back here after. Your password stays with {bank}.',
  blockedTitle: 'Continue to {bank}',
  blockedBody: 'Your browser didn’t let {bank}’s page open in a new window. Select the button to open it.',
  continue: 'Continue to {bank}',
  waitingTitle: 'Finish on {bank}’s website',
  waitingBody:
    'On the page that opened, sign in and approve the connection. We’ll carry on here once you’re done.',
  /** Beside the spinner, said once to screen readers. */
  waitingStatus: 'Waiting for {bank}…',
  reopen: 'Reopen {bank}’s page',
  leavingTitle: 'Taking you to {bank}',
  leavingBody: 'You’ll sign in on {bank}’s website, then come back here.',
  finishingTitle: 'Finishing your connection',
  finishingBody: 'Checking what {bank} sent back…',
};
