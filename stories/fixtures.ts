import type { Account, SecurityChallenge } from '../src/api/types';
import {
  CIRCLE_PNG,
  FLINKS_CAPITAL_QUESTIONS,
  SANDBOX_ONE_TIME_CODE,
  SQUARE_PNG,
  TRIANGLE_PNG,
} from '../src/sandbox';

/** Security challenges as the sandbox's Flinks Capital sends them (CONTRACT §6), for the MFA screen's stories. */

const [city, country, shape] = FLINKS_CAPITAL_QUESTIONS;

function question(prompt: string): SecurityChallenge {
  return { Type: 'QuestionAndAnswer', Prompt: prompt };
}

export const CITY = { challenge: question(city.prompt), answer: city.answer };
export const COUNTRY = { challenge: question(country.prompt), answer: country.answer };
export const SHAPE = { challenge: question(shape.prompt), answer: shape.answer };

export const STREETS: SecurityChallenge = {
  Type: 'MultipleChoice',
  Prompt: 'Which of these streets have you lived on?',
  Iterables: ['Rue Sherbrooke', 'Yonge Street', 'Robson Street', 'Portage Avenue'],
};

export const OWNED: SecurityChallenge = {
  Type: 'MultipleChoiceMultipleAnswers',
  Prompt: 'Which of these have you owned?',
  Iterables: ['A bicycle', 'A sailboat', 'A canoe', 'A snowmobile'],
};

export const PHONES = ['(514) ***-**42', '(438) ***-**17'] as const;

export const TEXT_OR_CALL: SecurityChallenge = {
  Type: 'TextOrCall',
  Prompt: 'Where should we send your security code?',
  Iterables: [...PHONES],
};

export const ONE_TIME_CODE = {
  challenge: question(`We sent a security code by text message to ${PHONES[0]}. Enter the code.`),
  answer: SANDBOX_ONE_TIME_CODE,
};

export { TRIANGLE_PNG };

export const IMAGES: SecurityChallenge = {
  Type: 'ImageSelection',
  Prompt: 'Select the triangle.',
  Iterables: [CIRCLE_PNG, TRIANGLE_PNG, SQUARE_PNG],
};

/** An SVG that would run script if shown: the screen must refuse it, whatever it claims to be. */
const SCRIPTED_SVG = btoa('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');

export const IMAGES_ONE_REFUSED: SecurityChallenge = {
  Type: 'ImageSelection',
  Prompt: 'Select the triangle.',
  Iterables: [CIRCLE_PNG, SCRIPTED_SVG, TRIANGLE_PNG],
};

/** A challenge type this widget does not know. */
export const FINGERPRINT: SecurityChallenge = {
  Type: 'FingerprintScan',
  Prompt: 'Touch the fingerprint reader on your registered device.',
};

function account(
  id: string,
  title: string,
  number: string,
  category: string,
  current: number | null,
): Account {
  return {
    Id: id,
    Title: title,
    AccountNumber: number,
    TransitNumber: '10402',
    InstitutionNumber: '815',
    Category: category,
    Type: category === 'Operations' ? 'Chequing' : 'Savings',
    Currency: 'CAD',
    Balance: { Available: current, Current: current, Limit: null },
  };
}

/** Three accounts of one login, as GetAccountsDetail lists them. */
export const ACCOUNTS: Account[] = [
  account('4c9f0f5e-1d2b-4a7e-9b61-0d8f3e2a7c11', 'Chequing', '1111000', 'Operations', 2_145.87),
  account('7a1e2b3c-5d6f-4e8a-8b9c-1f2e3d4c5b22', 'High Interest Savings', '2222000', 'Savings', 12_580),
  account('9b8c7d6e-2f1a-4b3c-9d8e-3a2b1c0d9e33', 'TFSA', '3333000', 'Savings', null),
];

/** A long list (test_accounts_many has eight): the several-accounts selector starts with "select all". */
export const MANY_ACCOUNTS: Account[] = [
  ...ACCOUNTS,
  account('1d2c3b4a-6f5e-4d7c-8b9a-4e3d2c1b0a44', 'US Dollar Chequing', '4444000', 'Operations', 820.4),
  account('2e3d4c5b-7a6f-4e8d-9c0b-5f4e3d2c1b55', 'RRSP', '5555000', 'Investments', 31_200),
];
