import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EmbedPage } from '../../src/embed/page';
import { en } from '../../src/i18n/en';

/** Whether the configuration screen's chunk fails to download, as it would offline. */
const network = vi.hoisted(() => ({ down: true }));

vi.mock('../../src/embed/configuration', async (importOriginal) => {
  if (network.down) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

describe('the configuration screen, a chunk of its own', () => {
  it('says the screen did not load when its code does not arrive, and fetches it again on "Try again"', async () => {
    render(<EmbedPage config={null} search="" parent={null} view={window} navigate={vi.fn()} />);
    const unavailable = en.ui.widget.stepUnavailable;
    expect(await screen.findByRole('heading', { level: 1, name: unavailable.title })).toBeVisible();
    expect(screen.getByText(unavailable.body)).toBeVisible();

    network.down = false;
    await userEvent.click(screen.getByRole('button', { name: unavailable.retry }));
    const title = await screen.findByRole('heading', { level: 1, name: 'This page needs a settings change' });
    expect(title).toHaveFocus();
    expect(screen.queryByRole('heading', { name: unavailable.title })).not.toBeInTheDocument();
  });
});
