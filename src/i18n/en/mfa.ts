/** English strings of the `mfa` namespace: the security check screens. */
export const mfa = {
  title: '{bank} needs to confirm it’s you',
  /** Above one question; `introMany` above several. */
  intro: 'Answer {bank}’s question to continue.',
  introMany: 'Answer all {count} of {bank}’s questions to continue.',
  introNextRound: '{bank} has one more check before your account is connected.',
  chooseAll: 'Choose all that apply.',
  /** The accessible name of a masked phone number such as "(514) ***-**42". */
  maskedPhone: 'Number ending in {digits}',
  delivery: {
    legend: 'How would you like to get the code?',
    text: 'Text me',
    call: 'Call me',
  },
  image: {
    label: 'Image {position} of {total}',
    /** When the bank describes its pictures: the description is the choice's name. */
    described: 'Image {position} of {total}: {description}',
    needsSight:
      '{bank} sent these pictures without a description, so this check needs sight. If you can’t see them, go back and choose another bank, or call {bank}.',
    someHidden: 'Some of {bank}’s images can’t be shown here. Choose from the ones below.',
    /** Pictures without a description: `needsSight` reaches screen readers; everyone else sees this disclosure. */
    cantSee: 'Can’t see the images?',
    cantSeeHelp: 'Go back and choose another bank, or call {bank}.',
  },
  required: {
    summary: 'Answer every question to continue.',
    text: 'Enter your answer.',
    choice: 'Choose an answer.',
    choices: 'Choose at least one answer.',
    phone: 'Choose a phone number.',
    image: 'Choose an image.',
  },
  timer: {
    left: 'Time left: {time}',
    underTwoMinutes: 'Less than 2 minutes left to answer.',
    underOneMinute: 'Less than a minute left to answer.',
    underThirtySeconds: 'Less than 30 seconds left to answer.',
  },
  sending: 'Sending your answer…',
  continue: 'Continue',
  back: 'Back',
  unsupported: {
    title: '{bank}’s check can’t be done here',
    body: 'Sign in on {bank}’s website to complete this check there, then try connecting again.',
    otherBank: 'You can also go back and connect another bank.',
  },
};
