import type { Language } from '../../src/i18n/types';

/** The words of the sandbox bank's site, in both languages (Canadian French: espace insécable avant « : »). */
export interface SiteMessages {
  bank: string;
  sandboxNote: string;
  nav: { label: string; home: string; forgotPassword: string; contact: string; otherLanguage: string };
  home: { title: string; intro: string; terms: string; done: string };
  forgotPassword: { title: string; intro: string; username: string; password: string; back: string };
  contact: {
    title: string;
    intro: string;
    phoneLabel: string;
    phone: string;
    hours: string;
    disabled: string;
  };
}

export const SITE_MESSAGES: Record<Language, SiteMessages> = {
  en: {
    bank: 'Flinks Capital',
    sandboxNote:
      'This is the sandbox bank’s website. It is not a real bank: nothing here signs you in or changes an account.',
    nav: {
      label: 'Flinks Capital',
      home: 'Home',
      forgotPassword: 'Forgot your username or password?',
      contact: 'Contact us',
      otherLanguage: 'Français',
    },
    home: {
      title: 'Welcome to Flinks Capital',
      intro:
        'When an app connects to your account, Flinks Capital may ask you to do something here first, such as accept new terms.',
      terms:
        'Our terms of use were updated. In the sandbox, they count as accepted once you have read this page.',
      done: 'Go back to the app that sent you here and choose “I’ve done it, try again”.',
    },
    forgotPassword: {
      title: 'Forgot your username or password?',
      intro: 'In the sandbox, every test person signs in with the same password.',
      username: 'Usernames: Greatday, or one of the test names such as test_mfa_image.',
      password: 'Password: Everyday',
      back: 'Go back to the app that sent you here and sign in again.',
    },
    contact: {
      title: 'Contact us',
      intro: 'Call us to turn online access back on, or for anything about your account.',
      phoneLabel: 'Phone:',
      phone: '1-800-555-0199',
      hours: 'Monday to Friday, 8 a.m. to 8 p.m. Eastern time.',
      disabled:
        'In the sandbox, online access for the test person test_disabled_account stays off: choose another test person.',
    },
  },
  fr: {
    bank: 'Flinks Capital',
    sandboxNote:
      'Ceci est le site de l’institution financière de démonstration. Ce n’est pas une vraie institution\u00A0: rien ici n’ouvre de session ni ne modifie un compte.',
    nav: {
      label: 'Flinks Capital',
      home: 'Accueil',
      forgotPassword: 'Nom d’utilisateur ou mot de passe oublié\u202F?',
      contact: 'Nous joindre',
      otherLanguage: 'English',
    },
    home: {
      title: 'Bienvenue chez Flinks Capital',
      intro:
        'Quand une application se connecte à votre compte, Flinks Capital peut d’abord vous demander une action ici, par exemple accepter de nouvelles conditions.',
      terms:
        'Nos conditions d’utilisation ont changé. Dans la démonstration, elles sont acceptées dès que vous avez lu cette page.',
      done: 'Retournez à l’application qui vous a envoyé ici et choisissez «\u00A0C’est fait, réessayer\u00A0».',
    },
    forgotPassword: {
      title: 'Nom d’utilisateur ou mot de passe oublié\u202F?',
      intro: 'Dans la démonstration, toutes les personnes de test utilisent le même mot de passe.',
      username: 'Noms d’utilisateur\u00A0: Greatday, ou un des noms de test comme test_mfa_image.',
      password: 'Mot de passe\u00A0: Everyday',
      back: 'Retournez à l’application qui vous a envoyé ici et ouvrez une session de nouveau.',
    },
    contact: {
      title: 'Nous joindre',
      intro: 'Appelez-nous pour réactiver l’accès en ligne ou pour toute question sur votre compte.',
      phoneLabel: 'Téléphone\u00A0:',
      phone: '1 800 555-0199',
      hours: 'Du lundi au vendredi, de 8\u00A0h à 20\u00A0h, heure de l’Est.',
      disabled:
        'Dans la démonstration, l’accès en ligne de la personne de test test_disabled_account reste désactivé\u00A0: choisissez une autre personne de test.',
    },
  },
};
