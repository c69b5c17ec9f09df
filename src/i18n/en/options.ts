/**
 * English strings of the `options` namespace: the screens of Flinks Connect's optional features (several accounts,
 * Enhanced MFA). Later text: a chunk of its own, like `mfa` and `guidance`.
 */
export const options = {
  accounts: {
    title: 'Which accounts should {customer} use?',
    titleAnonymous: 'Choose your accounts',
    selectAll: 'Select all accounts',
    required: 'Choose at least one account to continue.',
  },
  enhancedMfa: {
    title: 'Save your security answers',
    intro:
      '{bank} may ask these questions when your accounts are updated later. Answer them now so updates don’t stop.',
    save: 'Save and continue',
    skip: 'Skip for now',
  },
};
