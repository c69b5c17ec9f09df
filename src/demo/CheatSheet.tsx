import { useId, useState, type ReactNode } from 'react';
import { format } from '../i18n/format';
import type { Language } from '../i18n/types';
import { CIRCLE_PNG, SQUARE_PNG, TRIANGLE_PNG } from '../sandbox/challenge-images';
import { CHALLENGES, SANDBOX_ONE_TIME_CODE, type SandboxChallenge } from '../sandbox/challenges';
import { FLINKS_CAPITAL_OAUTH } from '../sandbox/institutions';
import { SANDBOX_PASSWORD, SANDBOX_PERSONAS } from '../sandbox/personas';
import type { DemoMessages } from './messages';
import { describePersona, formatList } from './personas';
import { richText } from './richText';

interface CheatSheetProps {
  m: DemoMessages;
  language: Language;
  bankName: string;
  /** The section's id, for the page's "see every test username" link. */
  id: string;
}

/** The sandbox's test usernames and MFA answers, generated from the sandbox's own data. */
export function CheatSheet({ m, language, bankName, id }: CheatSheetProps) {
  const s = m.sandbox;
  const ids = useId();
  const [copyStatus, setCopyStatus] = useState('');

  const copy = (username: string) => {
    const done = () => setCopyStatus(format(s.copied, { username }));
    const failed = () => setCopyStatus(s.copyUnavailable);
    if (typeof navigator === 'undefined' || navigator.clipboard === undefined) return failed();
    navigator.clipboard.writeText(username).then(done, failed);
  };

  return (
    <section id={id} className="cw-demo-panel cw-demo-sandbox" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{s.title}</h2>
      <p>{richText(s.intro, { bank: <strong>{bankName}</strong> })}</p>
      <p className="cw-demo-password">
        {s.password} <code className="cw-demo-copyable">{SANDBOX_PASSWORD}</code>
      </p>
      <p>{richText(s.oauth, { oauthBank: <strong>{FLINKS_CAPITAL_OAUTH.name[language]}</strong> })}</p>

      <h3 id={`${ids}-personas`}>{s.personas}</h3>
      {/* Explicit roles: on a narrow screen the rows stack as cards, and CSS display must not cost the table its
          semantics in any browser. */}
      <table className="cw-demo-table cw-demo-table--stack" role="table" aria-labelledby={`${ids}-personas`}>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {s.username}
            </th>
            <th scope="col" role="columnheader">
              {s.behaviour}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {SANDBOX_PERSONAS.map((persona) => (
            <tr key={persona.username} role="row">
              <th scope="row" role="rowheader">
                <span className="cw-demo-username">
                  <code className="cw-demo-copyable">{persona.username}</code>
                  <button
                    type="button"
                    className="cw-demo-button cw-demo-button--small"
                    aria-label={format(s.copyLabel, { username: persona.username })}
                    onClick={() => copy(persona.username)}
                  >
                    {s.copy}
                  </button>
                </span>
              </th>
              <td role="cell">
                {describePersona(persona, m, language)}
                {persona.codes.length > 0 && (
                  <span className="cw-demo-codes">
                    {persona.codes.map((code) => (
                      <code key={code} className="cw-demo-code-chip">
                        {code}
                      </code>
                    ))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cw-demo-status" role="status">
        {copyStatus}
      </p>
      <p className="cw-demo-hint">{s.otherUsernames}</p>

      <h3 id={`${ids}-answers`}>{s.answers}</h3>
      <p className="cw-demo-hint">{s.answersHint}</p>
      <table className="cw-demo-table" aria-labelledby={`${ids}-answers`}>
        <thead>
          <tr>
            <th scope="col">{s.prompt}</th>
            <th scope="col">{s.answer}</th>
          </tr>
        </thead>
        <tbody>
          {Object.values<SandboxChallenge>(CHALLENGES).flatMap((challenge) => {
            const row = answerRow(challenge, m, language);
            return row === null ? [] : [<AnswerRow key={challenge.challenge.Prompt} {...row} />];
          })}
        </tbody>
      </table>
    </section>
  );
}

interface Answer {
  prompt: string;
  /** The prompt is the bank's own text, in English. */
  fromBank: boolean;
  answer: ReactNode;
}

function AnswerRow({ prompt, fromBank, answer }: Answer) {
  return (
    <tr>
      <td lang={fromBank ? 'en' : undefined}>{prompt}</td>
      <td>{answer}</td>
    </tr>
  );
}

const SHAPES = { circle: CIRCLE_PNG, triangle: TRIANGLE_PNG, square: SQUARE_PNG } as const;

function shapeName(png: string, m: DemoMessages): string {
  const shape = (Object.keys(SHAPES) as (keyof typeof SHAPES)[]).find((name) => SHAPES[name] === png);
  return shape ? m.sandbox.shapes[shape] : '';
}

/** One challenge's row: its prompt as the bank asks it and the answer that passes; null for "any answer". */
function answerRow(entry: SandboxChallenge, m: DemoMessages, language: Language): Answer | null {
  switch (entry.kind) {
    case 'anything':
      return null;
    case 'textOrCall':
      return {
        prompt: m.sandbox.codePrompt,
        fromBank: false,
        answer: <code className="cw-demo-copyable">{SANDBOX_ONE_TIME_CODE}</code>,
      };
    case 'answer': {
      const { challenge, answers } = entry;
      if (challenge.Type === 'ImageSelection') {
        const images = answers.map((png) => (
          <img
            key={png}
            className="cw-demo-challenge-image"
            src={`data:image/png;base64,${png}`}
            alt={shapeName(png, m)}
            width={40}
            height={40}
          />
        ));
        return { prompt: challenge.Prompt, fromBank: true, answer: images };
      }
      const text = formatList(language, answers, 'conjunction');
      return { prompt: challenge.Prompt, fromBank: true, answer: <span lang="en">{text}</span> };
    }
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
}
