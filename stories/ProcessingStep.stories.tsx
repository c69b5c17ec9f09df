import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { actionLabel, guidanceText } from '../src/i18n';
import { format } from '../src/i18n';
import { ProcessingStep, type ProcessingStepProps } from '../src/steps/processing';
import { BANK, REQUEST_ID, collapsed, inWidgetFrame, languageOf, messagesOf } from './support';

type ProcessingStoryProps = Omit<ProcessingStepProps, 'since'> & {
  /** How long the screen has been waiting already: the staged messages follow it. */
  elapsedMs: number;
};

function ProcessingFor({ elapsedMs, ...props }: ProcessingStoryProps) {
  const [since] = useState(() => Date.now() - elapsedMs);
  return <ProcessingStep {...props} since={since} />;
}

const meta = {
  title: 'Steps/Processing',
  component: ProcessingFor,
  decorators: [inWidgetFrame],
  parameters: { bank: BANK },
  args: {
    activity: { kind: 'signingIn' },
    elapsedMs: 0,
    onFinishNow: fn(),
    onKeepWaiting: fn(),
    onExit: fn(),
  },
} satisfies Meta<typeof ProcessingFor>;

export default meta;

type Story = StoryObj<typeof meta>;

export const SigningIn: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).screens.processing;
    await expect(
      canvas.getByRole('heading', { level: 2, name: format(m.titles.signingIn, { bank: BANK }) }),
    ).toHaveFocus();
    const status = collapsed(format(m.stages.signingIn.first, { bank: BANK }));
    await expect(canvas.getByRole('status')).toHaveTextContent(status);
    // Staged words, no "Step 1 of 4": the bar is named, and says the stage as its value.
    await expect(canvas.queryByText(/\d+ (of|sur) \d+/)).not.toBeInTheDocument();
    await expect(canvas.getByRole('progressbar', { name: m.progress })).toHaveAttribute(
      'aria-valuetext',
      format(m.stages.signingIn.first, { bank: BANK }),
    );
    await userEvent.click(canvas.getByRole('button', { name: m.exit }));
    await expect(args.onExit).toHaveBeenCalledOnce();
  },
};

/** After 20 seconds the bank is slow, and the screen says so instead of looking frozen. */
export const SlowBank: Story = {
  args: { elapsedMs: 25_000 },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).screens.processing;
    await expect(canvas.getByRole('status')).toHaveTextContent(
      collapsed(format(m.stages.signingIn.third, { bank: BANK })),
    );
  },
};

export const Resuming: Story = {
  args: { activity: { kind: 'resuming' } },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).screens.processing;
    await expect(canvas.getByRole('heading', { level: 2, name: m.titles.resuming })).toBeVisible();
  },
};

export const GatheringAccounts: Story = {
  args: { activity: { kind: 'gathering', requestId: REQUEST_ID }, elapsedMs: 6_000 },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).screens.processing;
    await expect(canvas.getByRole('heading', { level: 2, name: m.titles.gathering })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(collapsed(m.stages.gathering.second));
  },
};

/** 202 OPERATION_PENDING: the data is on its way; the widget polls. */
export const Pending: Story = {
  args: {
    activity: { kind: 'waiting', code: 'OPERATION_PENDING', requestId: REQUEST_ID, keepWaiting: false },
  },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    const { title, body } = guidanceText('OPERATION_PENDING', m, {
      language: languageOf(globals),
      bank: BANK,
    });
    await expect(canvas.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(collapsed(body));
    await expect(canvas.queryByRole('button', { name: actionLabel('finishNow', m) })).not.toBeInTheDocument();
  },
};

/** 202 OPERATION_DISPATCHED: the person may finish now, or keep waiting. */
export const Dispatched: Story = {
  // Run in French and the dark theme too (the suite's subset of both).
  globals: { language: 'fr', theme: 'dark' },
  args: {
    activity: { kind: 'waiting', code: 'OPERATION_DISPATCHED', requestId: REQUEST_ID, keepWaiting: false },
  },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals);
    const { title } = guidanceText('OPERATION_DISPATCHED', m, { language: languageOf(globals), bank: BANK });
    await expect(canvas.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: actionLabel('keepWaiting', m) }));
    await expect(args.onKeepWaiting).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: actionLabel('finishNow', m) }));
    await expect(args.onFinishNow).toHaveBeenCalledOnce();
  },
};

export const DispatchedKeepWaiting: Story = {
  args: {
    activity: { kind: 'waiting', code: 'OPERATION_DISPATCHED', requestId: REQUEST_ID, keepWaiting: true },
  },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    await expect(canvas.getByRole('button', { name: actionLabel('finishNow', m) })).toBeVisible();
    await expect(
      canvas.queryByRole('button', { name: actionLabel('keepWaiting', m) }),
    ).not.toBeInTheDocument();
  },
};

/** CONCURRENT_SESSION and CARD_IN_USE are retried once by themselves, after a pause. */
export const AutomaticRetry: Story = {
  args: { activity: { kind: 'retrying', code: 'CONCURRENT_SESSION', of: 'signingIn' } },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals);
    await expect(
      canvas.getByRole('heading', { level: 2, name: m.screens.processing.titles.retrying }),
    ).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent(collapsed(m.guidance.retryingSoon));
  },
};
