import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
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
  args: { demo: true, filterEnable: true, onSelect: fn(), onNotFound: fn() },
} satisfies Meta<typeof InstitutionStep>;

export default meta;

type Story = StoryObj<typeof meta>;

export const PopularBanks: Story = {
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await expect(canvas.getByRole('heading', { level: 2, name: m.title })).toHaveFocus();
    // A grid of the popular banks, no scroll box: the banks most people use are all on the first screen.
    const grid = canvas.getByRole('list', { name: m.popular });
    await expect(grid).toBeVisible();
    const banks = within(grid).getAllByRole('button');
    await expect(banks.length).toBeLessThanOrEqual(12);
    // With `demo`, the sandbox bank is listed first.
    await expect(banks[0]).toHaveAccessibleName('Flinks Capital');
    const names = banks.map((bank) => bank.textContent ?? '');
    const french = globals.language === 'fr';
    for (const name of ['Desjardins', french ? 'Banque Nationale' : 'National Bank', 'Tangerine']) {
      await expect(names.some((text) => text.endsWith(name))).toBe(true);
    }
    // In French, Desjardins and Banque Nationale lead the banks people use.
    const real = names.filter((text) => !text.includes('Flinks'));
    if (french) {
      await expect(real[0]).toMatch(/Desjardins$/);
      await expect(real[1]).toMatch(/Banque Nationale$/);
    }
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
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await userEvent.type(canvas.getByRole('searchbox', { name: m.search }), 'Banque Imaginaire');
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        collapsed(format(m.noResults, { query: 'Banque Imaginaire' })),
      ),
    );
    await expect(canvas.queryByRole('list')).not.toBeInTheDocument();
    // A way out the host can tell apart from any other exit.
    await userEvent.click(canvas.getByRole('button', { name: m.notFound }));
    await expect(args.onNotFound).toHaveBeenCalledOnce();
  },
};

export const WithoutSearch: Story = {
  args: { filterEnable: false, demo: false },
  play: async ({ canvas, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await expect(canvas.queryByRole('searchbox')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Flinks Capital' })).not.toBeInTheDocument();
    await expect(canvas.getByRole('list', { name: m.popular })).toBeVisible();
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
 * The whole catalog: the first screen shows its popular banks only; a search lists the rest, rendering only the rows in
 * view, each with its place in the whole answer, narrowed as the person types, and End reaches the last bank.
 */
export const ThousandsOfBanks: Story = {
  args: { institutions: CATALOG },
  play: async ({ canvas, userEvent, args, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await expect(
      within(canvas.getByRole('list', { name: m.popular })).getAllByRole('button').length,
    ).toBeLessThanOrEqual(12);
    const search = canvas.getByRole('searchbox', { name: m.search });
    await userEvent.type(search, 'credit union');
    const list = await canvas.findByRole('list', { name: m.list });
    const rows = () => list.querySelectorAll('li');
    await expect(rows().length).toBeLessThan(20);
    const count = Number(rows()[0]?.getAttribute('aria-setsize'));
    await expect(count).toBeGreaterThan(1000);
    await expect(canvas.getByRole('status')).toHaveTextContent(collapsed(format(m.results, { count })));
    await userEvent.type(search, ' kelow');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.clear(search);
    await userEvent.type(search, 'credit');
    const all = await waitFor(() => {
      const size = Number(
        canvas.getByRole('list', { name: m.list }).querySelector('li')?.getAttribute('aria-setsize'),
      );
      expect(size).toBeGreaterThan(1000);
      return size;
    });
    await userEvent.keyboard('{ArrowDown}{End}');
    await expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', String(all));
    await userEvent.keyboard('{Enter}');
    await expect(args.onSelect).toHaveBeenCalledOnce();
  },
};

/**
 * The focus ring of a row in a list that scrolls in its own box is drawn inside the row, so the box never cuts it
 * (the first row's ring was clipped at the top and both sides).
 */
export const FocusRingInsideTheList: Story = {
  args: { institutions: CATALOG },
  play: async ({ canvas, userEvent, globals }) => {
    const m = messagesOf(globals).ui.institution;
    await userEvent.type(canvas.getByRole('searchbox', { name: m.search }), 'credit');
    await canvas.findByRole('list', { name: m.list });
    await userEvent.keyboard('{ArrowDown}');
    const row = document.activeElement as HTMLElement;
    await expect(row.closest('li')).toHaveAttribute('aria-posinset', '1');
    let box = row.parentElement;
    while (box && getComputedStyle(box).overflowY !== 'auto') box = box.parentElement;
    if (!box) throw new Error('the list does not scroll in a box of its own');
    const style = getComputedStyle(row);
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const ring = row.getBoundingClientRect();
    const inside = box.getBoundingClientRect();
    await expect(ring.top - reach).toBeGreaterThanOrEqual(inside.top);
    await expect(ring.left - reach).toBeGreaterThanOrEqual(inside.left);
    await expect(ring.right + reach).toBeLessThanOrEqual(inside.right);
  },
};
