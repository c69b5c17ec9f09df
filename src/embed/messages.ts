import type { Language } from '../i18n/types';

// The configuration screen's text: in a file of its own, so that it comes with that screen's chunk.
export { embedMessages, type EmbedMessages } from './configuration-text';

/**
 * The page a whole-window success lands on when it has nowhere else to go: drawn by the server alone
 * (server/connected-page.ts), so kept apart from the text the embed page's script carries.
 */
const connectedEn = {
  title: 'Your bank account is connected',
  body: 'You can close this page and go back to the website that asked for the connection.',
};

export const connectedPageMessages: Record<Language, typeof connectedEn> = {
  en: connectedEn,
  fr: {
    title: 'Votre compte bancaire est connecté',
    body: 'Vous pouvez fermer cette page et retourner sur le site Web qui a demandé la connexion.',
  },
};

/**
 * Said (as each button's description) while the server-drawn first screen waits for its script: on a form, that the
 * person can type; on any other screen (the bank list), only that the button works a moment later.
 */
export const hydrationWait: Record<Language, { form: string; page: string }> = {
  en: {
    form: 'The form is getting ready. You can type now; this button works in a moment.',
    page: 'The page is getting ready. This button works in a moment.',
  },
  fr: {
    form: 'Le formulaire se prépare. Vous pouvez déjà écrire\u202f; ce bouton fonctionnera dans un instant.',
    page: 'La page se prépare. Ce bouton fonctionnera dans un instant.',
  },
};

/** The iframe's accessible name, kept apart so the tiny host SDK carries nothing else. */
export const frameTitles: Record<Language, string> = {
  en: 'Connect your bank account',
  fr: 'Connexion de votre compte bancaire',
};
