import type { Language, Translation } from '../i18n/types';

/**
 * Strings of the demo host page, a fictional lender's. They live beside the page, not in the widget's catalog:
 * a partner's own page brings its own words. Parameter names, event names and code stay in code font, untranslated.
 */
const en = {
  pageTitle: 'Confirm your income · Maple Lending',
  skipToContent: 'Skip to main content',
  brand: {
    name: 'Maple Lending',
    tagline: 'Personal loans, with an answer in one business day',
    home: 'Maple Lending home',
    demoBadge: 'Demo',
  },
  hero: {
    step: 'Loan application · Step 3 of 4',
    title: 'Confirm your income',
    body: 'Connect the bank account where your pay is deposited. We look at your recent deposits once, to confirm your income. Your bank password stays between you and your bank.',
    demoNote:
      'This is a demo page for developers. It talks to a sandbox bank, never to a real one, so use a test username below.',
    quickStartHeading: 'Quick start:',
    quickStart:
      'Choose {bank}, sign in with the username {username} and the password {password}, then answer the security question it asks: {answers}.',
    cheatSheetLink: 'See every test username',
  },
  settings: {
    title: 'Demo settings',
    language: 'Language',
    english: 'English',
    french: 'Français',
    languageHint:
      'The component changes language in place and keeps the person’s progress. The iframe gets the new language parameter, which reloads it and starts it over.',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    themeHint: 'Changes this page and both embeds. The iframe reloads to apply it.',
    options: 'Options',
    consentEnable: 'Start with the consent screen',
    accountSelectorEnable: 'Let the person pick one account',
    optionsHint:
      'Changing an option starts both embeds over. Always set: demo (lists Flinks Capital) and the customer name “{customerName}”.',
    startOver: 'Start over',
    startOverHint: 'Starts both embeds over, to try another test username.',
  },
  embeds: {
    title: 'Two ways to embed the widget',
    component: {
      title: 'In the page: the React component',
      body: 'The widget renders inside this page. The host gets each event through the onEvent prop.',
    },
    frame: {
      title: 'In an iframe: the embed page',
      body: 'The widget runs on its own page, framed here. The host gets each event by postMessage, checked against the widget’s origin and frame.',
      vanilla: 'Without React, the host script does the same:',
      startingSession: 'Getting a secure session for the widget…',
      loadingWidget: 'Loading the widget…',
    },
    code: 'Code for these settings',
    waiting: 'No onSuccess or onExit yet.',
    success: 'onSuccess received: login {loginId}.',
    exitWithError: 'onExit received, after the code {code}.',
    exit: 'onExit received, with no error.',
  },
  log: {
    title: 'Events the host receives',
    hint: 'Newest first. Each event has its name and its metadata, never a password, an answer or a token.',
    showResize: 'Show APP_RESIZE (the iframe’s height changes)',
    clear: 'Clear the log',
    empty: 'No events yet.',
    list: 'Event log',
    sources: {
      component: 'Component',
      frame: 'Iframe',
    },
  },
  sandbox: {
    title: 'Sandbox cheat sheet',
    intro: 'Choose {bank} in the bank list, then sign in with one of these usernames.',
    password: 'Password for every username:',
    personas: 'Test usernames',
    username: 'Username',
    behaviour: 'What happens',
    copy: 'Copy',
    copyLabel: 'Copy {username}',
    copied: '{username} is copied.',
    copyUnavailable: 'This browser can’t copy here: select the username instead.',
    otherUsernames:
      'Any other username gets INVALID_USERNAME, and a listed username with another password gets INVALID_PASSWORD.',
    answers: 'Answers to the security questions',
    answersHint: 'The sandbox bank asks in English. Answers ignore case and accents.',
    prompt: 'The bank asks',
    answer: 'Answer',
    codePrompt: 'After Text or Call: the code sent',
    shapes: { circle: 'A circle', triangle: 'A triangle', square: 'A square' },
  },
  persona: {
    authorized: 'Connects at once, with no security question.',
    mfa: 'Asks {rounds}, then connects.',
    oneOf: 'one of {list}',
    together: '{list}, all at once',
    then: ', then ',
    noRetry: 'A wrong answer ends the session.',
    refused: 'Sign-in refused with HTTP {status}.',
    pending: 'The account data stays in processing for a few seconds.',
    dispatched: 'The account data comes only from the Async calls, after a few seconds.',
    dataRefused: 'The account data calls are refused with HTTP {status}.',
    challenges: {
      city: 'the birth city',
      country: 'the best country',
      shape: 'the favourite shape',
      street: 'a street to pick from a list',
      owned: 'things owned (several right answers)',
      textOrCall: 'text or call, then a one-time code',
      image: 'an image to pick',
      fingerprint: 'a kind of check the widget doesn’t know (any answer passes)',
    },
  },
  footer: {
    fictional: 'Maple Lending is a fictional lender. No real bank, person or loan is involved.',
    built: 'Built with the connect widget, its embed page and the sandbox Flinks API.',
  },
};

export type DemoMessages = typeof en;

const fr: Translation<DemoMessages> = {
  pageTitle: 'Confirmez votre revenu · Maple Lending',
  skipToContent: 'Passer au contenu principal',
  brand: {
    name: 'Maple Lending',
    tagline: 'Prêts personnels, réponse en un jour ouvrable',
    home: 'Accueil de Maple Lending',
    demoBadge: 'Démo',
  },
  hero: {
    step: 'Demande de prêt · Étape 3 sur 4',
    title: 'Confirmez votre revenu',
    body: 'Connectez le compte bancaire où votre paie est déposée. Nous consultons vos dépôts récents une seule fois, pour confirmer votre revenu. Votre mot de passe reste entre vous et votre institution financière.',
    demoNote:
      'Cette page de démonstration s’adresse aux équipes de développement. Elle communique avec une banque fictive, jamais avec une vraie\u00a0: utilisez un nom d’utilisateur de test ci-dessous.',
    quickStartHeading: 'Pour commencer\u00a0:',
    quickStart:
      'Choisissez {bank}, ouvrez une session avec le nom d’utilisateur {username} et le mot de passe {password}, puis répondez à la question de sécurité posée\u00a0: {answers}.',
    cheatSheetLink: 'Voir tous les noms d’utilisateur de test',
  },
  settings: {
    title: 'Paramètres de la démo',
    language: 'Langue',
    english: 'English',
    french: 'Français',
    languageHint:
      'Le composant change de langue sur place et garde la progression de la personne. L’iframe reçoit le nouveau paramètre language, ce qui la recharge et la fait recommencer.',
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    themeHint: 'S’applique à cette page et aux deux intégrations. L’iframe se recharge pour l’appliquer.',
    options: 'Options',
    consentEnable: 'Commencer par l’écran de consentement',
    accountSelectorEnable: 'Laisser la personne choisir un compte',
    optionsHint:
      'Changer une option fait recommencer les deux intégrations. Toujours actifs\u00a0: demo (affiche Flinks Capital) et le nom du client «\u00a0{customerName}\u00a0».',
    startOver: 'Recommencer',
    startOverHint: 'Fait recommencer les deux intégrations, pour essayer un autre nom d’utilisateur de test.',
  },
  embeds: {
    title: 'Deux façons d’intégrer le widget',
    component: {
      title: 'Dans la page\u00a0: le composant React',
      body: 'Le widget s’affiche directement dans cette page. L’hôte reçoit chaque événement par la prop onEvent.',
    },
    frame: {
      title: 'Dans une iframe\u00a0: la page d’intégration',
      body: 'Le widget tourne dans sa propre page, affichée ici dans un cadre. L’hôte reçoit chaque événement par postMessage, après vérification de l’origine et du cadre du widget.',
      vanilla: 'Sans React, le script hôte fait la même chose\u00a0:',
      startingSession: 'Ouverture d’une session sécurisée pour le widget…',
      loadingWidget: 'Chargement du widget…',
    },
    code: 'Code pour ces paramètres',
    waiting: 'Aucun appel à onSuccess ni à onExit pour l’instant.',
    success: 'onSuccess reçu\u00a0: connexion {loginId}.',
    exitWithError: 'onExit reçu, après le code {code}.',
    exit: 'onExit reçu, sans erreur.',
  },
  log: {
    title: 'Événements reçus par l’hôte',
    hint: 'Du plus récent au plus ancien. Chaque événement porte son nom et ses métadonnées, jamais un mot de passe, une réponse ou un jeton.',
    showResize: 'Afficher APP_RESIZE (changements de hauteur de l’iframe)',
    clear: 'Vider le journal',
    empty: 'Aucun événement pour l’instant.',
    list: 'Journal des événements',
    sources: {
      component: 'Composant',
      frame: 'Iframe',
    },
  },
  sandbox: {
    title: 'Aide-mémoire du bac à sable',
    intro:
      'Choisissez {bank} dans la liste des banques, puis ouvrez une session avec l’un de ces noms d’utilisateur.',
    password: 'Mot de passe de tous les noms d’utilisateur\u00a0:',
    personas: 'Noms d’utilisateur de test',
    username: 'Nom d’utilisateur',
    behaviour: 'Ce qui se passe',
    copy: 'Copier',
    copyLabel: 'Copier {username}',
    copied: '{username} est copié.',
    copyUnavailable: 'Ce navigateur ne peut pas copier ici\u00a0: sélectionnez plutôt le nom d’utilisateur.',
    otherUsernames:
      'Tout autre nom d’utilisateur reçoit INVALID_USERNAME, et un nom de la liste avec un autre mot de passe reçoit INVALID_PASSWORD.',
    answers: 'Réponses aux questions de sécurité',
    answersHint:
      'La banque fictive pose ses questions en anglais. Les réponses ne tiennent compte ni des majuscules ni des accents.',
    prompt: 'La banque demande',
    answer: 'Réponse',
    codePrompt: 'Après Text ou Call\u00a0: le code envoyé',
    shapes: { circle: 'Un cercle', triangle: 'Un triangle', square: 'Un carré' },
  },
  persona: {
    authorized: 'Se connecte tout de suite, sans question de sécurité.',
    mfa: 'Demande {rounds}, puis se connecte.',
    oneOf: 'au choix {list}',
    together: '{list}, toutes à la fois',
    then: ', puis ',
    noRetry: 'Une mauvaise réponse met fin à la session.',
    refused: 'Ouverture de session refusée avec HTTP {status}.',
    pending: 'Les données du compte restent en traitement quelques secondes.',
    dispatched: 'Les données du compte viennent seulement des appels Async, après quelques secondes.',
    dataRefused: 'Les appels de données du compte sont refusés avec HTTP {status}.',
    challenges: {
      city: 'la ville natale',
      country: 'le meilleur pays',
      shape: 'la forme préférée',
      street: 'une rue à choisir dans une liste',
      owned: 'des objets possédés (plusieurs bonnes réponses)',
      textOrCall: 'texto ou appel, puis un code à usage unique',
      image: 'une image à choisir',
      fingerprint: 'un type de vérification que le widget ne connaît pas (toute réponse est acceptée)',
    },
  },
  footer: {
    fictional:
      'Maple Lending est un prêteur fictif. Aucune vraie banque, personne ni aucun prêt n’est en cause.',
    built: 'Conçu avec le widget de connexion, sa page d’intégration et l’API Flinks du bac à sable.',
  },
};

export const demoMessages: Record<Language, DemoMessages> = { en, fr };
