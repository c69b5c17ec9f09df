import type { ErrorBody } from '../api/types';
import type { Language } from '../i18n/types';

/**
 * The Message of every error the sandbox sends. Seed rows keep the seed's words: its Message column where it holds
 * a message, its Description where the columns are shifted (CARD_IN_USE onward). Codes the seed lacks get one
 * sentence in the same voice.
 */
export const SANDBOX_MESSAGES = {
  OPERATION_PENDING: 'Your operation is still processing.',
  OPERATION_DISPATCHED: 'Your operations had been dispatched to background process for long running jobs',
  INVALID_LOGIN: 'The card number (username) or password provided is invalid',
  INVALID_LOGIN_ID: 'The LoginId provided is either invalid or does not belong to the CustomerId',
  SESSION_NONEXISTENT: 'Inputs session id or card if were not found.',
  CARD_IN_USE: 'An operation was requested while the account is still being processed.',
  INVALID_USERNAME: 'The username provided was different from what the bank expected',
  INVALID_PASSWORD: 'The password provided was different from what the bank expected',
  INVALID_SECURITY_RESPONSE: 'The MFA response provided was different from what the bank expected',
  QUESTION_NOT_FOUND: "The MFA prompt doesn't have a stored answer",
  RETRY_LATER: 'Flinks was not able to open a connection with the selected financial institution',
  UNKNOWN_CHALLENGE_KEY:
    'One or more of the Security Challenge Prompts required are missing in the provided response',
  CONCURRENT_SESSION: 'Another session is already opened with this LoginId',
  UNAUTHORIZED: 'You need to be authorized in the bank account before going further.',
  DISABLED_LOGIN:
    'The account has been deactivated by the financial institution. The account holder must contact their bank',
  NEW_ACCOUNT:
    'The end user must take action directly on their online banking before connecting and account with Flinks',
  SESSION_EXPIRED:
    'The RequestId expired after 8 mins of inactivity during Authorize or 30 mins timeout for data processing',
  ALREADY_AUTHORIZED: 'When the /Authorize endpoint is called after the user has already been authorized',
  SECURITYRESPONSES_INCOMPLETE: 'Not all the prompted MFA questions had answers in the reponse request',
  ACCESS_DENIED: 'You must provide a valid authorize token',
  ACCESS_DENIED_SECRET: 'You must provide a valid secret key to generate an authorize token',
  INVALID_SECURITY_RESPONSE_NO_RETRY:
    'The MFA response provided was different from what the bank expected and no other attempt is allowed',
  TOO_MANY_REQUESTS: 'Too many requests were made in a short period of time, wait before trying again',
  DISABLED_INSTITUTION: 'The selected financial institution is currently disabled',
  AGGREGATION_ERROR: 'An unexpected error occurred while gathering the data from the financial institution',
  NO_TRANSACTION: 'The accounts do not have enough transactions to process the request',
  METHOD_NOT_AVAILABLE: 'The requested method is not available for this CustomerId',
  SOMETHING_NEW: 'The financial institution answered with a situation Flinks has not classified yet',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the 1 MB allowed',
  NOT_FOUND: 'The requested endpoint does not exist',
  MFA_QUESTIONS_SAVED: 'The answers to the security questions are saved for scheduled refreshes',
} as const;

export type SandboxMessageKey = keyof typeof SANDBOX_MESSAGES;

/**
 * The same messages as the sandbox bank writes them in French (`Language: "fr"`): French typography (a non-breaking
 * space before : ; ? !, curly apostrophes). Only the words change; codes and statuses stay the same.
 */
export const SANDBOX_MESSAGES_FR = {
  OPERATION_PENDING: 'Votre opération est toujours en cours de traitement.',
  OPERATION_DISPATCHED:
    'Vos opérations ont été confiées à un traitement en arrière-plan, prévu pour les tâches longues.',
  INVALID_LOGIN: 'Le numéro de carte (nom d’utilisateur) ou le mot de passe fourni n’est pas le bon.',
  INVALID_LOGIN_ID: 'Le LoginId fourni n’existe pas ou n’appartient pas à ce CustomerId.',
  SESSION_NONEXISTENT: 'La session ou la carte demandée est introuvable.',
  CARD_IN_USE: 'Une opération a été demandée alors que le compte est encore en traitement.',
  INVALID_USERNAME: 'Le nom d’utilisateur fourni ne correspond pas à celui que l’institution attendait.',
  INVALID_PASSWORD: 'Le mot de passe fourni ne correspond pas à celui que l’institution attendait.',
  INVALID_SECURITY_RESPONSE:
    'La réponse de sécurité fournie ne correspond pas à celle que l’institution attendait.',
  QUESTION_NOT_FOUND: 'La question de sécurité posée n’a pas de réponse enregistrée.',
  RETRY_LATER: 'Flinks n’a pas pu ouvrir de connexion avec l’institution financière choisie.',
  UNKNOWN_CHALLENGE_KEY: 'La réponse fournie ne correspond à aucune des questions de sécurité posées.',
  CONCURRENT_SESSION: 'Une autre session est déjà ouverte avec ce LoginId.',
  UNAUTHORIZED: 'Le compte doit être autorisé auprès de l’institution avant d’aller plus loin.',
  DISABLED_LOGIN:
    'L’institution financière a désactivé ce compte. Son titulaire doit communiquer avec son institution.',
  NEW_ACCOUNT:
    'La personne doit d’abord faire une démarche dans ses services bancaires en ligne avant de connecter son compte avec Flinks.',
  SESSION_EXPIRED:
    'Le RequestId a expiré après 8 minutes d’inactivité pendant Authorize, ou 30 minutes de traitement des données.',
  ALREADY_AUTHORIZED: 'Authorize a été appelé alors que la personne était déjà autorisée.',
  SECURITYRESPONSES_INCOMPLETE: 'Certaines questions de sécurité posées n’ont pas reçu de réponse.',
  ACCESS_DENIED: 'Vous devez fournir un jeton d’autorisation valide.',
  ACCESS_DENIED_SECRET: 'Vous devez fournir une clé secrète valide pour générer un jeton d’autorisation.',
  INVALID_SECURITY_RESPONSE_NO_RETRY:
    'La réponse de sécurité fournie ne correspond pas à celle que l’institution attendait, et aucun autre essai n’est permis.',
  TOO_MANY_REQUESTS: 'Trop de requêtes ont été faites en peu de temps. Attendez avant de réessayer.',
  DISABLED_INSTITUTION: 'L’institution financière choisie est actuellement désactivée.',
  AGGREGATION_ERROR:
    'Un problème inattendu est survenu pendant la collecte des données auprès de l’institution financière.',
  NO_TRANSACTION: 'Les comptes n’ont pas assez de transactions pour traiter la requête.',
  METHOD_NOT_AVAILABLE: 'La méthode demandée n’est pas offerte pour ce CustomerId.',
  SOMETHING_NEW: 'L’institution financière a répondu par une situation que Flinks n’a pas encore classée.',
  PAYLOAD_TOO_LARGE: 'Le corps de la requête dépasse la limite de 1 Mo.',
  NOT_FOUND: 'Le point de terminaison demandé n’existe pas.',
  MFA_QUESTIONS_SAVED:
    'Les réponses aux questions de sécurité sont enregistrées pour les actualisations planifiées.',
} as const satisfies Record<SandboxMessageKey, string>;

/**
 * A message of the sandbox in `language`: one of its own messages is translated; any other text (a message that
 * names a field, for the developer) stays as it is.
 */
export function messageIn(message: string, language: Language): string {
  if (language === 'en') return message;
  const key = (Object.keys(SANDBOX_MESSAGES) as SandboxMessageKey[]).find(
    (name) => SANDBOX_MESSAGES[name] === message,
  );
  return key === undefined ? message : SANDBOX_MESSAGES_FR[key];
}

/** An error the sandbox answers with: the HTTP status, the FlinksCode and its Message. */
export interface SandboxError {
  status: number;
  code: string;
  message: string;
}

export function sandboxError(status: number, code: string, message?: string): SandboxError {
  const fallback = code in SANDBOX_MESSAGES ? SANDBOX_MESSAGES[code as SandboxMessageKey] : undefined;
  return { status, code, message: message ?? fallback ?? SANDBOX_MESSAGES.SOMETHING_NEW };
}

/** 400 INVALID_REQUEST with a message that names what is wrong, as Flinks does. */
export function invalidRequest(message: string): SandboxError {
  return { status: 400, code: 'INVALID_REQUEST', message };
}

export function errorBody(error: SandboxError, requestId: string | undefined): ErrorBody {
  return {
    HttpStatusCode: error.status,
    FlinksCode: error.code,
    Message: error.message,
    ...(requestId === undefined ? {} : { RequestId: requestId }),
  };
}
