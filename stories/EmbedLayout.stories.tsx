import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { DeploymentConfig } from '../src/embed/config';
import { embedMessages, frameTitles } from '../src/embed/messages';
import { EmbedPage } from '../src/embed/page';
import { languageOf } from './support';

const DEPLOYMENT: DeploymentConfig = {
  apiBaseUrl: '/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices',
  allowedOrigins: ['https://shop.example'],
  requestTimeoutMs: 240_000,
};

interface LayoutStoryProps {
  /** Flinks Connect's layout parameters, without `language` (the toolbar's). */
  query: string;
  navigate(href: string): void;
}

/** `/embed.html` opened at top level with Flinks Connect's layout and colour parameters (issue 13). */
function EmbedPageWithLayout({ query, navigate }: LayoutStoryProps) {
  return <EmbedPage config={DEPLOYMENT} search={query} parent={null} view={window} navigate={navigate} />;
}

const meta = {
  title: 'Embed page/Flinks Connect layout',
  component: EmbedPageWithLayout,
  args: { query: '', navigate: fn() },
  render: (args, { globals }) => (
    <EmbedPageWithLayout {...args} query={`?language=${languageOf(globals)}&${args.query}`} />
  ),
  beforeEach: () => {
    const { title } = document;
    const { lang } = document.documentElement;
    return () => {
      document.title = title;
      document.documentElement.lang = lang;
    };
  },
} satisfies Meta<typeof EmbedPageWithLayout>;

export default meta;

type Story = StoryObj<typeof meta>;

/** Header with image, a box on a tinted page, the desktop width, and the partner's colours (kept at AA). */
export const HeaderBoxAndColours: Story = {
  args: {
    query:
      'demo=true&consentEnable=false&headerEnable=true&headerImgEnable=true&customerName=Boutique%20Nord&boxLayout=true&desktopLayout=true&backgroundColor=f7f4ee&foregroundColor1=ffcc00',
  },
  play: async ({ canvas, globals }) => {
    const language = languageOf(globals);
    await expect(canvas.getByRole('banner')).toHaveTextContent(`${frameTitles[language]} · Boutique Nord`);
    await expect((await canvas.findAllByRole('region'))[0]).toBeVisible();
  },
};

export const HeaderBoxAndColoursInFrench: Story = {
  ...HeaderBoxAndColours,
  globals: { language: 'fr' },
};

/** No padding, static loading, text-only loading style. */
export const FlushAndStatic: Story = {
  args: {
    query:
      'demo=true&consentEnable=false&removePadding=true&staticLoadingEnable=true&loadingType=text&headerEnable=false',
  },
  play: async ({ canvas }) => {
    await expect((await canvas.findAllByRole('region'))[0]).toBeVisible();
    await expect(canvas.queryByRole('banner')).toBeNull();
  },
};

/** A colour that is not one, a choice that is not one: the theme's own colours and the default, no settings screen. */
export const UnusableColourFallsBack: Story = {
  args: { query: 'demo=true&consentEnable=false&backgroundColor=beige&daysOfTransactions=Days30' },
  play: async ({ canvas, globals }) => {
    const m = embedMessages[languageOf(globals)].configuration;
    await expect((await canvas.findAllByRole('region'))[0]).toBeVisible();
    await expect(canvas.queryByRole('heading', { name: m.title })).toBeNull();
  },
};

export const UnusableColourFallsBackInFrench: Story = {
  ...UnusableColourFallsBack,
  globals: { language: 'fr' },
};
