import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as Monogram from '../../src/institutions/monogram';

/** Counts the tiles drawn: a tile's letters are worked out each time its row's button renders. */
const tilesDrawn = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/institutions/monogram', async (original) => {
  const module = await original<typeof Monogram>();
  return {
    ...module,
    monogramOf: (...args: Parameters<typeof module.monogramOf>) => {
      tilesDrawn.count += 1;
      return module.monogramOf(...args);
    },
  };
});
import { I18nProvider } from '../../src/i18n';
import {
  institutionsFromCatalog,
  monogramOf,
  searchInstitutions,
  type Institution,
} from '../../src/institutions';
import { FLINKS_CAPITAL_LOGO } from '../../src/institutions/logos';
import { generateCatalog } from '../../src/sandbox/catalog';
import { compactItems } from '../../src/sandbox/compact-catalog';
import { institutionsBody } from '../../src/sandbox/institutions';
import { InstitutionStep } from '../../src/steps/institution';
import { BANK_ROW_PX } from '../../src/steps/institution/BankList';

/** The catalog as the server compacts it from the sandbox's Institutions answer (server/catalog.ts). */
function sandboxCatalog(): Institution[] {
  const items = [0, 1000, 2000, 3000, 4000].flatMap(
    (skip) => institutionsBody({ skip, take: 1000 }).Institutions,
  );
  return institutionsFromCatalog(compactItems(items, true)) ?? [];
}

const catalog = sandboxCatalog();
const ids = (query: string, language: 'en' | 'fr' = 'en') =>
  searchInstitutions(query, { institutions: catalog, language }).map((institution) => institution.id);

describe('the generated catalog', () => {
  it('has several thousand banks and credit unions, in Canada and the United States, each id once', () => {
    expect(catalog.length).toBeGreaterThan(4000);
    expect(new Set(catalog.map((institution) => institution.id)).size).toBe(catalog.length);
    expect(catalog.filter((institution) => institution.country === 'US').length).toBeGreaterThan(2000);
    expect(catalog.some((institution) => /Credit Union|Caisse/.test(institution.name.en))).toBe(true);
    expect(generateCatalog(10_000)).toHaveLength(10_000);
  });

  it('keeps what the built-in list knows: popular ranks, short names, OAuth', () => {
    expect(catalog.find((institution) => institution.id === 'National')?.aliases).toContain('BNC');
    expect(catalog.find((institution) => institution.id === 'FlinksCapitalOAuth')?.signIn).toBe('oauth');
  });
});

describe('ranking over the generated catalog', () => {
  it.each<[string, 'en' | 'fr', string]>([
    ['BNC', 'en', 'National'],
    ['bnc', 'fr', 'National'],
    ['Banque Nationale', 'fr', 'National'],
    ['banque nationale', 'en', 'National'],
    ['RBC', 'en', 'RBC'],
    ['td', 'en', 'TD'],
    ['desjardins', 'fr', 'Desjardins'],
    ['Royal Bank of Canada', 'en', 'RBC'],
  ])('"%s" (%s) puts %s first', (query, language, first) => {
    expect(ids(query, language)[0]).toBe(first);
  });

  it('puts the popular banks before the thousands that also match', () => {
    const bank = ids('bank');
    expect(bank.length).toBeGreaterThan(500);
    expect(bank.slice(0, 3)).toEqual(['RBC', 'BMO', 'National']);
  });

  it('puts names with a word starting with the query before matches inside a word', () => {
    const found = ids('troit');
    const result = searchInstitutions('mont', { institutions: catalog });
    const starts = (institution: Institution) =>
      [institution.name.en, institution.name.fr].some((name) => /(^|\s)mont/i.test(name.normalize('NFD')));
    const firstInside = result.findIndex((institution) => !starts(institution));
    expect(firstInside).toBeGreaterThan(0);
    expect(result.slice(firstInside).every((institution) => !starts(institution))).toBe(true);
    expect(found).toEqual([]);
  });

  it('ignores accents and case in both directions', () => {
    expect(ids('TROIS RIVIERES')).toEqual(ids('trois-rivières'));
    expect(ids('quebec').length).toBeGreaterThan(0);
    expect(ids('levis')).toEqual(ids('Lévis'));
  });

  it('finds a credit union by town and kind, every word counting', () => {
    expect(ids('kelowna credit')).toEqual(['CAKelownaCreditUnion', 'CAKelownaFarmersCreditUnion']);
    expect(ids('spokane teachers')).toEqual(['USSpokaneTeachersCreditUnion']);
  });
});

describe('logos', () => {
  it('keep a logo from the institutions answer only when the page may load it (inline, or from this server)', () => {
    const item = (Institution: string, LogoUrl: unknown) => ({
      Institution,
      Name: { En: Institution },
      LogoUrl,
    });
    const list = institutionsFromCatalog(
      compactItems(
        [
          item('Inline', 'data:image/png;base64,iVBORw0KGgo='),
          item('Here', '/logos/here.svg'),
          item('Elsewhere', 'https://cdn.example/logo.png'),
          item('Sneaky', '//cdn.example/logo.png'),
          item('Script', 'javascript:alert(1)'),
          item('Html', 'data:text/html,<b>x</b>'),
        ],
        false,
      ),
    );
    const logoOf = (id: string) => list?.find((bank) => bank.id === id)?.logoUrl;
    expect(logoOf('Inline')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(logoOf('Here')).toBe('/logos/here.svg');
    for (const id of ['Elsewhere', 'Sneaky', 'Script', 'Html']) expect(logoOf(id)).toBeUndefined();
  });

  it('show on the list: the sandbox bank’s own, drawn inline; a bank without one gets its monogram', async () => {
    render(
      <I18nProvider language="en">
        <InstitutionStep institutions={sandboxCatalog()} demo filterEnable onSelect={vi.fn()} />
      </I18nProvider>,
    );
    const flinks = await screen.findByRole('button', { name: 'Flinks Capital' });
    expect(flinks.querySelector('img')).toHaveAttribute('src', FLINKS_CAPITAL_LOGO);
    expect(FLINKS_CAPITAL_LOGO).toMatch(/^data:image\/svg\+xml,/);
    const cibc = screen.getByRole('button', { name: 'CIBC' });
    expect(cibc.querySelector('img')).toBeNull();
    expect(cibc).toHaveTextContent(/^CIBCCIBC$/);
  });
});

describe('the generated catalog’s French', () => {
  it('elides « de » before a vowel and names a region with its article', () => {
    const names = generateCatalog().flatMap((institution) => [institution.name.fr, institution.name.en]);
    expect(names).toContain('Caisse populaire d’Abbotsford');
    expect(names).toContain('Banque communautaire d’Ottawa');
    expect(names).toContain('Caisse populaire de l’Outaouais');
    expect(names).toContain('Caisse populaire de Lévis');
    expect(names).toContain('Caisse populaire de Yellowknife');
    expect(names.filter((name) => /\bde [AEIOUÉÈÊÎÔÂ]/.test(name))).toEqual([]);
  });
});

describe('monogram tiles', () => {
  it.each([
    ['RBC Royal Bank', 'RBC'],
    ['TD Canada Trust', 'TD'],
    ['CIBC', 'CIBC'],
    ['BMO Bank of Montreal', 'BMO'],
    ['Bank of Abilene', 'BA'],
    ['Caisse populaire de Lévis', 'CP'],
    ['Desjardins', 'D'],
  ])('%s -> %s', (name, monogram) => {
    expect(monogramOf(name)).toBe(monogram);
  });

  it('are one neutral tile for every bank: no colour made up per bank', () => {
    render(
      <I18nProvider language="en">
        <InstitutionStep institutions={catalog} demo filterEnable onSelect={vi.fn()} />
      </I18nProvider>,
    );
    const tiles = screen
      .getAllByRole('button')
      .flatMap((button) => [...button.querySelectorAll<HTMLElement>('.cw-bank__tile')]);
    expect(tiles.length).toBeGreaterThan(5);
    for (const tile of tiles) expect(tile.getAttribute('style')).toBeNull();
  });
});

describe('the bank list over thousands of banks', () => {
  function renderList(onSelect = vi.fn()) {
    render(
      <I18nProvider language="en">
        <InstitutionStep demo filterEnable institutions={catalog} onSelect={onSelect} />
      </I18nProvider>,
    );
    return onSelect;
  }

  /** What the list's count says once the answer to `query` is in (React may render it after the key). */
  const matching = (query: string) =>
    `${searchInstitutions(query, { institutions: catalog, demo: true }).length} banks match.`;

  /**
   * The list, with its scroll position in the test's hands (jsdom lays nothing out): `wheel` scrolls it down to a row
   * as the mouse wheel would, and `writes` counts the widget's own writes, each a forced layout in a browser.
   */
  async function scrollableList(query: string) {
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search for your bank' }), query);
    await screen.findByText(matching(query));
    const list = await screen.findByRole('list', { name: 'Banks' });
    const scroller = list.parentElement as HTMLElement;
    const scroll = { position: 0, writes: 0 };
    Object.defineProperty(scroller, 'scrollTop', {
      configurable: true,
      get: () => scroll.position,
      set: (value: number) => {
        scroll.writes += 1;
        scroll.position = value;
      },
    });
    const wheel = async (row: number) => {
      scroll.position = row * BANK_ROW_PX;
      fireEvent.scroll(scroller);
      await waitFor(() =>
        expect(
          within(list)
            .getAllByRole('listitem')
            .map((item) => item.getAttribute('aria-posinset')),
        ).toContain(String(row + 1)),
      );
    };
    return { list, scroll, wheel };
  }

  it('keeps a bank pressed while the catalog arrives: the press still chooses it', async () => {
    const onSelect = vi.fn();
    const step = (institutions?: Institution[]) => (
      <I18nProvider language="en">
        <InstitutionStep demo filterEnable {...(institutions ? { institutions } : {})} onSelect={onSelect} />
      </I18nProvider>
    );
    // The built-in list first, then the server's catalog in its place, between the press and its release.
    const { rerender } = render(step());
    const pressed = await screen.findByRole('button', { name: 'Flinks Capital' });
    fireEvent.mouseDown(pressed);
    rerender(step(catalog));
    // The catalog's own Flinks Capital, in the same element.
    expect(screen.getByRole('button', { name: 'Flinks Capital' })).toBe(pressed);
    fireEvent.mouseUp(pressed);
    fireEvent.click(pressed);
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('FlinksCapital');
  });

  it('shows the popular banks first, without a list of thousands', async () => {
    renderList();
    const grid = await screen.findByRole('list', { name: 'Popular banks' });
    const names = within(grid)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names.length).toBeLessThanOrEqual(12);
    expect(names[0]).toMatch(/Flinks Capital$/);
    for (const name of ['Desjardins', 'National Bank', 'Tangerine'])
      expect(names.some((text) => text?.endsWith(name))).toBe(true);
    expect(screen.queryByRole('list', { name: 'Banks' })).not.toBeInTheDocument();
  });

  it('renders only the rows in view, each with its place in the whole answer', async () => {
    renderList();
    const { list } = await scrollableList('credit');
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(20);
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    const answer = searchInstitutions('credit', { institutions: catalog, demo: true });
    expect(answer.length).toBeGreaterThan(1000);
    expect(rows[0]).toHaveAttribute('aria-setsize', String(answer.length));
  });

  it('moves through every row with the arrow keys and End, from the search box', async () => {
    const onSelect = renderList();
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search for your bank' }), 'kelowna');
    await screen.findByText('6 banks match.');
    await user.keyboard('{ArrowDown}');
    const list = screen.getByRole('list', { name: 'Banks' });
    expect(within(list).getAllByRole('button')[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', '2');
    await user.keyboard('{End}');
    expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', '6');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledOnce();
  });

  it('keeps the focused bank focused, and itself, when the wheel scrolls it out of the rendered rows', async () => {
    const onSelect = renderList();
    const { wheel } = await scrollableList('credit');
    const user = userEvent.setup();
    await user.click(screen.getByRole('searchbox', { name: 'Search for your bank' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const focused = document.activeElement as HTMLElement;
    const second = searchInstitutions('credit', { institutions: catalog, demo: true })[1] as Institution;
    expect(focused).toHaveAccessibleName(second.name.en);
    expect(focused.closest('li')).toHaveAttribute('aria-posinset', '2');
    // Far down, and down again by exactly the rows a long list recycles: every rendered row is another bank.
    for (const row of [23, 500]) {
      await wheel(row);
      expect(document.activeElement).toBe(focused);
      expect(focused).toHaveAccessibleName(second.name.en);
      expect(focused.closest('li')).toHaveAttribute('aria-posinset', '2');
    }
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledExactlyOnceWith(second.id);
  });

  it('starts a new answer at its top, and never writes the scroll position of a list already there', async () => {
    renderList();
    const { list, scroll, wheel } = await scrollableList('cr');
    const search = screen.getByRole('searchbox', { name: 'Search for your bank' });
    const user = userEvent.setup();
    await user.type(search, 'edit');
    await screen.findByText(matching('credit'));
    expect(scroll.writes).toBe(0);
    await wheel(30);
    // A new answer: fewer banks than "credit" ("credit u" would be the same list, which keeps its place).
    expect(matching('credit m')).not.toBe(matching('credit'));
    await user.type(search, ' m');
    await screen.findByText(matching('credit m'));
    await waitFor(() => expect(scroll.position).toBe(0));
    expect(scroll.writes).toBe(1);
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-posinset', '1');
  });

  it('keeps the list where the person scrolled it when a key leaves the answer as it was', async () => {
    renderList();
    const { list, scroll, wheel } = await scrollableList('credit');
    const search = screen.getByRole('searchbox', { name: 'Search for your bank' });
    const user = userEvent.setup();
    const count = matching('credit');
    await wheel(30);
    const shown = within(list)
      .getAllByRole('button')
      .map((button) => button.textContent);
    // Every bank matching "credit" is a credit union: " u" keeps the same banks in the same order.
    await user.type(search, ' u');
    expect(await screen.findByText(count)).toBeInTheDocument();
    expect(scroll.position).toBe(30 * BANK_ROW_PX);
    expect(scroll.writes).toBe(0);
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(shown);
  });

  it('rewrites the rows on screen for a new answer, each with its bank’s name, place and tile', async () => {
    renderList();
    const { list } = await scrollableList('c');
    const before = within(list).getAllByRole('listitem');
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search for your bank' }), 'redit');
    const answer = searchInstitutions('credit', { institutions: catalog, demo: true });
    await screen.findByText(matching('credit'));
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]).toBe(before[0]);
    expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual(
      answer.slice(0, rows.length).map((bank) => `${monogramOf(bank.name.en)}${bank.name.en}`),
    );
    rows.forEach((row, index) => {
      expect(row).toHaveAttribute('aria-posinset', String(index + 1));
      expect(row).toHaveAttribute('aria-setsize', String(answer.length));
    });
  });

  it('changes only the count on the rows when a key keeps the same banks on screen, drawing no tile again', async () => {
    renderList();
    const { list } = await scrollableList('cr');
    const user = userEvent.setup();
    const search = screen.getByRole('searchbox', { name: 'Search for your bank' });
    const shown = (query: string) =>
      searchInstitutions(query, { institutions: catalog, demo: true })
        .slice(0, 11)
        .map((bank) => bank.id);
    // The same banks head both answers; fewer banks match the longer query.
    expect(shown('cre')).toEqual(shown('cr'));
    const changes: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        changes.push(
          record.type === 'attributes'
            ? `${(record.target as Element).tagName}@${record.attributeName}`
            : record.type,
        );
      }
    });
    observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
    tilesDrawn.count = 0;
    await user.type(search, 'e');
    await screen.findByText(matching('cre'));
    observer.disconnect();
    expect(new Set(changes)).toEqual(new Set(['LI@aria-setsize', 'UL@style']));
    expect(tilesDrawn.count).toBe(0);
  });

  it('reaches the last of thousands with End, rendering it on the way', async () => {
    renderList();
    const user = userEvent.setup();
    await scrollableList('credit');
    await user.keyboard('{ArrowDown}{End}');
    const last = document.activeElement?.closest('li');
    const answer = searchInstitutions('credit', { institutions: catalog, demo: true });
    expect(last).toHaveAttribute('aria-posinset', String(answer.length));
    expect(screen.getAllByRole('listitem').length).toBeLessThan(20);
  });
});
