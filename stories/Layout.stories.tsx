import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import type { FlinksCode } from '../src/api/codes';
import { CodeScreen } from './CodeScreen';
import { IMAGES, OWNED, STREETS } from './fixtures';
import { MfaStep } from '../src/steps/mfa';
import { BANK, inWidgetFrame } from './support';
import './layout.css';

type Layout = 'reflow' | 'spacing' | 'text200';

interface LayoutStoryProps {
  layout: Layout;
  /** A code's screen (see the error map stories), or the security check with several kinds of prompts. */
  screen: FlinksCode | 'securityCheck';
}

function ScreenUnderTest({ screen }: LayoutStoryProps) {
  if (screen === 'securityCheck') {
    return (
      <MfaStep
        challenges={[STREETS, OWNED, IMAGES]}
        bankLanguage="en"
        round={2}
        expectsOneTimeCode={false}
        error={null}
        pending={false}
        secondsLeft={75}
        onSubmit={fn()}
        onBack={fn()}
      />
    );
  }
  return (
    <CodeScreen
      code={screen}
      onAction={fn()}
      onExit={fn()}
      onFinishNow={fn()}
      onKeepWaiting={fn()}
      onSubmitCredentials={fn()}
      onSubmitAnswers={fn()}
    />
  );
}

/**
 * The widget under the conditions of WCAG 1.4.4, 1.4.10 and 1.4.12, in French (its longer words are the harder
 * case): nothing may need a sideways scroll. Switch the toolbar to see them in English or dark.
 */
const meta = {
  title: 'Accessibility/Layout',
  component: ScreenUnderTest,
  decorators: [
    inWidgetFrame,
    (Story, { args }) => (
      <div className={`cw-story-layout cw-story-layout--${args.layout}`} data-testid="layout-frame">
        <Story />
      </div>
    ),
  ],
  globals: { language: 'fr' },
  parameters: { bank: BANK },
  beforeEach: ({ args }) => {
    if (args.layout !== 'text200') return undefined;
    document.documentElement.classList.add('cw-story-text-200');
    return () => document.documentElement.classList.remove('cw-story-text-200');
  },
  play: async ({ canvas }) => {
    const frame = canvas.getByTestId('layout-frame');
    await expect(frame.scrollWidth).toBeLessThanOrEqual(frame.clientWidth);
  },
} satisfies Meta<typeof ScreenUnderTest>;

export default meta;

type Story = StoryObj<typeof meta>;

export const SignInAt320px: Story = { args: { layout: 'reflow', screen: 'INVALID_LOGIN' } };
export const SecurityCheckAt320px: Story = { args: { layout: 'reflow', screen: 'securityCheck' } };
export const GuidanceAt320px: Story = { args: { layout: 'reflow', screen: 'NEW_ACCOUNT' } };
export const UnknownCodeAt320px: Story = {
  args: { layout: 'reflow', screen: 'FLINKS_CODE_FROM_THE_FUTURE' },
};
export const SignInWithTextSpacing: Story = { args: { layout: 'spacing', screen: 'INVALID_LOGIN' } };
export const SecurityCheckWithTextSpacing: Story = { args: { layout: 'spacing', screen: 'securityCheck' } };
export const GuidanceWithTextSpacing: Story = { args: { layout: 'spacing', screen: 'RETRY_LATER' } };
/** In French: its show/hide label is the longest. */
export const SignInWithTextAt200Percent: Story = {
  args: { layout: 'text200', screen: 'INVALID_PASSWORD' },
  globals: { language: 'fr' },
};
export const SecurityCheckWithTextAt200Percent: Story = {
  args: { layout: 'text200', screen: 'securityCheck' },
};
