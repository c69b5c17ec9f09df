import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import type { DeploymentConfig } from '../src/embed/config';
import { embedMessages } from '../src/embed/messages';
import { EmbedPage } from '../src/embed/page';
import type { FramingClues } from '../src/embed/params';
import { collapsed, languageOf } from './support';

const DEPLOYMENT: DeploymentConfig = {
  apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  allowedOrigins: ['https://shop.example'],
  requestTimeoutMs: 240_000,
};

interface ConfigurationStoryProps {
  config: DeploymentConfig | null;
  /** `/embed.html`'s query string, without `language` (the toolbar's). */
  query: string;
  /** Opened inside a frame (a parent window), or as a top-level page. */
  framed: boolean;
  /** What the page learns of its framer when the URL has no parentOrigin. */
  framing?: FramingClues;
  navigate(href: string): void;
}

/**
 * `/embed.html` when its URL or its deployment is wrong: a screen that says what to fix, in both languages (the
 * URL's first), never a blank page.
 */
function EmbedPageWith({ config, query, framed, framing, navigate }: ConfigurationStoryProps) {
  return (
    <EmbedPage
      config={config}
      search={query}
      {...(framing ? { framing } : {})}
      parent={framed ? window : null}
      view={window}
      navigate={navigate}
    />
  );
}

const meta = {
  title: 'Embed page/Configuration errors',
  component: EmbedPageWith,
  args: { config: DEPLOYMENT, query: '', framed: false, navigate: fn() },
  render: (args, { globals }) => (
    <EmbedPageWith {...args} query={`?language=${languageOf(globals)}&${args.query}`} />
  ),
  // The page names the document (title, lang) for the frame; give the preview its own back afterwards.
  beforeEach: () => {
    const { title } = document;
    const { lang } = document.documentElement;
    return () => {
      document.title = title;
      document.documentElement.lang = lang;
    };
  },
} satisfies Meta<typeof EmbedPageWith>;

export default meta;

type Story = StoryObj<typeof meta>;

export const MissingDeploymentSettings: Story = {
  // Run in French too (the suite's French subset).
  globals: { language: 'fr' },
  args: { config: null },
  play: async ({ canvas, globals }) => {
    const language = languageOf(globals);
    const m = embedMessages[language].configuration;
    // The configuration screen comes in its own chunk, fetched only when the page cannot start.
    const heading = await canvas.findByRole('heading', { level: 1, name: m.title });
    // Focused once it is drawn, which is when its chunk has arrived.
    await waitFor(() => expect(heading).toHaveFocus());
    await expect(canvas.getByText(collapsed(m.problems.missingConfig))).toBeVisible();
    // The other language follows, for a person who reads that one.
    const other = embedMessages[language === 'fr' ? 'en' : 'fr'].configuration;
    await expect(canvas.getByRole('heading', { level: 2, name: other.title })).toBeVisible();
    await expect(document.documentElement).toHaveAttribute('lang', language);
  },
};

/** Values Flinks Connect would have read or ignored: the page starts with its defaults, never a settings screen. */
export const UnusableValuesFallBack: Story = {
  args: { query: 'consentEnable=false&theme=purple&maximumRetry=99&demo=yes&closeEnable=TRUE' },
  play: async ({ canvas, globals }) => {
    const m = embedMessages[languageOf(globals)].configuration;
    await expect((await canvas.findAllByRole('region'))[0]).toBeVisible();
    await expect(canvas.queryByRole('heading', { name: m.title })).toBeNull();
  },
};

export const FramedByAnUnknownSite: Story = {
  args: { framed: true, query: 'parentOrigin=https%3A%2F%2Fphishing.example' },
  play: async ({ canvas, globals }) => {
    const m = embedMessages[languageOf(globals)].configuration;
    await expect(canvas.getAllByRole('list')[0]).toHaveTextContent(
      collapsed(m.problems.parentOriginNotAllowed),
    );
  },
};

/** No parentOrigin (a Flinks Connect URL): the framer's origin, as the browser tells it, is not allowed. */
export const FramedWithoutParentOriginByAnUnlistedSite: Story = {
  args: {
    framed: true,
    framing: { ancestorOrigin: 'https://phishing.example', referrer: 'https://phishing.example/page' },
  },
  play: async ({ canvas, globals }) => {
    const m = embedMessages[languageOf(globals)].configuration;
    await expect(canvas.getAllByRole('list')[0]).toHaveTextContent(
      collapsed(m.problems.framingOriginNotAllowed),
    );
  },
};

/** No parentOrigin, no clue from the browser, and more than one allowed origin: nothing can be established. */
export const FramedWithoutParentOriginOrClue: Story = {
  args: {
    framed: true,
    config: { ...DEPLOYMENT, allowedOrigins: ['https://shop.example', 'https://bank.example'] },
    framing: { ancestorOrigin: null, referrer: null },
  },
  play: async ({ canvas, globals }) => {
    const m = embedMessages[languageOf(globals)].configuration;
    await expect(canvas.getAllByRole('list')[0]).toHaveTextContent(
      collapsed(m.problems.framingOriginUnknown),
    );
  },
};
