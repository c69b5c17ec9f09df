import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { format } from '../src/i18n';
import { institutionsFromCatalog } from '../src/institutions';
import { compactItems } from '../src/sandbox/compact-catalog';
import { institutionsBody } from '../src/sandbox/institutions';
import { InstitutionStep } from '../src/steps/institution';
import { collapsed, inWidgetFrame, messagesOf } from './support';

const meta = {
  title: 'Steps/Choose a bank',
  component: InstitutionStep,
  decorators: [inWidgetFrame],
  args: { demo: true, filterEnable: true, onSelect: fn() },
} satisfies Meta<typeof InstitutionStep>;

export default meta;

type Story = StoryObj<typeof meta>;

export const PopularBanks: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    const list = canvas.getByRole('list', { name: m.list });
    await expect(list).toBeVisible();
    // With `demo`, the sandbox bank is listed first.
    const first = canvas.getAllByRole('button')[0];
    await expect(first).toHaveAccessibleName('Flinks Capital');
    await userEvent.click(canvas.getByRole('button', { name: 'Flinks Capital' }));
    await expect(args.onSelect).toHaveBeenCalledWith('FlinksCapital');
  },
};

export const Search: Story = {
  // Run in French and the dark theme too (the suite's subset of both).
  globals: { language: 'fr', theme: 'dark' },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.institution;
    // Case and accents don't matter.
    await userEvent.type(canvas.getByRole('searchbox', { name: m.search }), 'DESJ');
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(collapsed(m.oneResult)));
    await userEvent.click(canvas.getByRole('button', { name: 'Desjardins' }));
    await expect(args.onSelect).toHaveBeenCalledWith('Desjardins');
  },
};

export const NoMatch: Story = {
  play: async ({ canvas, userEvent, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await userEvent.type(canvas.getByRole('searchbox', { name: m.search }), 'Banque Imaginaire');
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        collapsed(format(m.noResults, { query: 'Banque Imaginaire' })),
      ),
    );
    await expect(canvas.queryByRole('list')).not.toBeInTheDocument();
  },
};

export const WithoutSearch: Story = {
  args: { filterEnable: false, demo: false },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await expect(canvas.queryByRole('searchbox')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Flinks Capital' })).not.toBeInTheDocument();
    await expect(canvas.getByRole('list', { name: m.list })).toBeVisible();
  },
};

/** The sandbox's generated catalog (thousands of banks and credit unions), as the server compacts it. */
const CATALOG =
  institutionsFromCatalog(
    [0, 1000, 2000, 3000, 4000].flatMap((skip) =>
      compactItems(institutionsBody({ skip, take: 1000 }).Institutions, true),
    ),
  ) ?? [];

/**
 * The whole catalog: only the rows in view are rendered, each keeps its place in the whole list, a search narrows it
 * as the person types, and End reaches the last bank.
 */
export const ThousandsOfBanks: Story = {
  args: { institutions: CATALOG },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.institution;
    const list = canvas.getByRole('list', { name: m.list });
    const rows = () => list.querySelectorAll('li');
    await expect(rows().length).toBeLessThan(20);
    await expect(rows()[0]).toHaveAttribute('aria-setsize', String(CATALOG.length));
    const search = canvas.getByRole('searchbox', { name: m.search });
    await userEvent.type(search, 'credit union');
    const count = Number(rows()[0]?.getAttribute('aria-setsize'));
    await expect(count).toBeGreaterThan(1000);
    await expect(canvas.getByRole('status')).toHaveTextContent(collapsed(format(m.results, { count })));
    await userEvent.type(search, ' kelow');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.clear(search);
    await userEvent.keyboard('{ArrowDown}{End}');
    await expect(document.activeElement?.closest('li')).toHaveAttribute(
      'aria-posinset',
      String(CATALOG.length),
    );
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
  },
};
