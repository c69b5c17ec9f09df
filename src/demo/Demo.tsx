import { useEffect, useId, useState } from 'react';
import { format } from '../i18n/format';
import type { Language } from '../i18n/types';
import { findInstitution } from '../institutions';
import { FLINKS_CAPITAL_QUESTIONS } from '../sandbox/challenges';
import { SANDBOX_PASSWORD } from '../sandbox/personas';
import { CheatSheet } from './CheatSheet';
import { ComponentEmbed, FrameEmbed } from './Embeds';
import { createEventLog } from './eventLog';
import { EventLogPanel } from './EventLogPanel';
import { demoMessages, type DemoMessages } from './messages';
import { formatList } from './personas';
import { richText } from './richText';
import { CUSTOMER_NAME, DEMO_API_BASE_URL, type DemoSettings, type Theme } from './settings';
import './demo.css';

const QUICK_START_USERNAME = 'Greatday';
const CHEAT_SHEET_ID = 'sandbox';

export interface DemoProps {
  /** The Flinks-compatible API of the component embed; default the sandbox served beside the page. */
  apiBaseUrl?: string;
  /** Where the switches start; default the browser's language and colour scheme, consent on. */
  initial?: Partial<DemoSettings>;
}

function preferredSettings(): DemoSettings {
  const prefersDark =
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return {
    language: navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en',
    theme: prefersDark ? 'dark' : 'light',
    consentEnable: true,
    accountSelectorEnable: false,
  };
}

/**
 * The demo host app at `/`: a fictional lender's page that embeds the widget both ways, with switches for its
 * settings, the events the host receives and the sandbox's test usernames.
 */
export function Demo({ apiBaseUrl = DEMO_API_BASE_URL, initial }: DemoProps) {
  const [settings, setSettings] = useState<DemoSettings>(() => ({ ...preferredSettings(), ...initial }));
  const [run, setRun] = useState(0);
  const [log] = useState(createEventLog);
  const { language, theme } = settings;
  const m = demoMessages[language];
  const bankName = findInstitution('FlinksCapital')?.name[language] ?? 'Flinks Capital';

  useEffect(() => {
    const root = document.documentElement;
    root.lang = language;
    root.dataset.theme = theme;
    document.title = m.pageTitle;
  }, [language, theme, m]);

  const update = (change: Partial<DemoSettings>) => setSettings((current) => ({ ...current, ...change }));

  return (
    <div className="cw-demo">
      <a className="cw-demo-skip" href="#main">
        {m.skipToContent}
      </a>
      <header className="cw-demo-header">
        <div className="cw-demo-header-inner">
          <a className="cw-demo-brand" href="/" aria-label={m.brand.home}>
            <MapleLeaf />
            <span className="cw-demo-brand-name">{m.brand.name}</span>
          </a>
          <p className="cw-demo-tagline">{m.brand.tagline}</p>
          <span className="cw-demo-badge">{m.brand.demoBadge}</span>
        </div>
      </header>

      <main id="main" className="cw-demo-main">
        <section className="cw-demo-hero" aria-labelledby="hero-title">
          <p className="cw-demo-eyebrow">{m.hero.step}</p>
          <h1 id="hero-title">{m.hero.title}</h1>
          <p className="cw-demo-lede">{m.hero.body}</p>
          <div className="cw-demo-note">
            <p>{m.hero.demoNote}</p>
            <p>
              <strong>{m.hero.quickStartHeading}</strong>{' '}
              {richText(m.hero.quickStart, {
                bank: <strong>{bankName}</strong>,
                username: <code className="cw-demo-copyable">{QUICK_START_USERNAME}</code>,
                password: <code className="cw-demo-copyable">{SANDBOX_PASSWORD}</code>,
                answers: (
                  <span lang="en">
                    {formatList(
                      language,
                      FLINKS_CAPITAL_QUESTIONS.map((question) => question.answer),
                      'disjunction',
                    )}
                  </span>
                ),
              })}{' '}
              <a href={`#${CHEAT_SHEET_ID}`}>{m.hero.cheatSheetLink}</a>
            </p>
          </div>
        </section>

        <SettingsPanel
          settings={settings}
          m={m}
          onChange={update}
          onStartOver={() => setRun((count) => count + 1)}
        />

        <section className="cw-demo-embeds" aria-label={m.embeds.title}>
          <ComponentEmbed settings={settings} log={log} m={m} run={run} apiBaseUrl={apiBaseUrl} />
          <FrameEmbed settings={settings} log={log} m={m} run={run} />
        </section>

        <div className="cw-demo-columns">
          <EventLogPanel log={log} m={m} />
          <CheatSheet m={m} language={language} bankName={bankName} id={CHEAT_SHEET_ID} />
        </div>
      </main>

      <footer className="cw-demo-footer">
        <p>{m.footer.fictional}</p>
        <p>{m.footer.built}</p>
      </footer>
    </div>
  );
}

interface SettingsPanelProps {
  settings: DemoSettings;
  m: DemoMessages;
  onChange(change: Partial<DemoSettings>): void;
  onStartOver(): void;
}

function SettingsPanel({ settings, m, onChange, onStartOver }: SettingsPanelProps) {
  const t = m.settings;
  const id = useId();
  const languages: { value: Language; label: string }[] = [
    { value: 'en', label: t.english },
    { value: 'fr', label: t.french },
  ];
  const themes: { value: Theme; label: string }[] = [
    { value: 'light', label: t.light },
    { value: 'dark', label: t.dark },
  ];
  const options = ['consentEnable', 'accountSelectorEnable'] as const;

  return (
    <section className="cw-demo-panel cw-demo-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.title}</h2>
      <div className="cw-demo-settings-grid">
        <fieldset aria-describedby={`${id}-language-hint`}>
          <legend>{t.language}</legend>
          <div className="cw-demo-choices">
            {languages.map(({ value, label }) => (
              <label key={value} className="cw-demo-check">
                <input
                  type="radio"
                  name={`${id}-language`}
                  value={value}
                  checked={settings.language === value}
                  onChange={() => onChange({ language: value })}
                />
                <span lang={value}>{label}</span>
              </label>
            ))}
          </div>
          <p id={`${id}-language-hint`} className="cw-demo-hint">
            {t.languageHint}
          </p>
        </fieldset>

        <fieldset aria-describedby={`${id}-theme-hint`}>
          <legend>{t.theme}</legend>
          <div className="cw-demo-choices">
            {themes.map(({ value, label }) => (
              <label key={value} className="cw-demo-check">
                <input
                  type="radio"
                  name={`${id}-theme`}
                  value={value}
                  checked={settings.theme === value}
                  onChange={() => onChange({ theme: value })}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          <p id={`${id}-theme-hint`} className="cw-demo-hint">
            {t.themeHint}
          </p>
        </fieldset>

        <fieldset aria-describedby={`${id}-options-hint`}>
          <legend>{t.options}</legend>
          <div className="cw-demo-choices cw-demo-choices--stacked">
            {options.map((option) => (
              <label key={option} className="cw-demo-check">
                <input
                  type="checkbox"
                  checked={settings[option]}
                  onChange={(event) => onChange({ [option]: event.target.checked })}
                />
                <span>{t[option]}</span>
              </label>
            ))}
          </div>
          <p id={`${id}-options-hint`} className="cw-demo-hint">
            {format(t.optionsHint, { customerName: CUSTOMER_NAME })}
          </p>
        </fieldset>

        <div className="cw-demo-start-over">
          <button type="button" className="cw-demo-button cw-demo-button--primary" onClick={onStartOver}>
            {t.startOver}
          </button>
          <p className="cw-demo-hint">{t.startOverHint}</p>
        </div>
      </div>
    </section>
  );
}

/** The lender's logo: a stylized maple leaf, drawn in the brand colour. */
function MapleLeaf() {
  return (
    <svg className="cw-demo-logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={MAPLE_LEAF_PATH} fill="currentColor" />
    </svg>
  );
}

const MAPLE_LEAF_PATH =
  'M12 1.2 13.7 4.6 15.7 3.6 15.1 8.6 17.5 6.3 18.2 8.1 21.3 7.4 20.3 10.6 22.3 11.6 17.2 15.6 17.9 17.5 12.75 16.6 12.75 22.8 11.25 22.8 11.25 16.6 6.1 17.5 6.8 15.6 1.7 11.6 3.7 10.6 2.7 7.4 5.8 8.1 6.5 6.3 8.9 8.6 8.3 3.6 10.3 4.6Z';
