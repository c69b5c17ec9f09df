import { useDeferredValue, useId, useMemo, useState } from 'react';
import { format, useLanguage, useUiMessages } from '../../i18n';
import { popularInstitutions, searchInstitutions, type Institution } from '../../institutions';
import { Button, Screen } from '../../ui';
import { BankList, BankTile } from './BankList';

export interface InstitutionStepProps {
  /** Lists Flinks Capital, the sandbox bank. */
  demo: boolean;
  /** Shows the search box (on by default). */
  filterEnable: boolean;
  /** The list to choose from (the server's catalog); the built-in list by default. */
  institutions?: readonly Institution[];
  onSelect(institution: string): void;
  /** "Can't find your bank?" after a search that found nothing: the person leaves, and the host learns why. */
  onNotFound?(): void;
}

/**
 * The bank list: a grid of the popular banks that fits a phone screen, and a search, ignoring case and accents, for
 * every other one. A search that finds nothing offers a way out the host can tell apart.
 */
export function InstitutionStep({
  demo,
  filterEnable,
  institutions,
  onSelect,
  onNotFound,
}: InstitutionStepProps) {
  const m = useUiMessages().ui.institution;
  const language = useLanguage();
  const id = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searching = filterEnable && deferredQuery.trim() !== '';
  const shown = useMemo(
    () =>
      searching
        ? searchInstitutions(deferredQuery, { demo, language, ...(institutions ? { institutions } : {}) })
        : [],
    [searching, deferredQuery, demo, language, institutions],
  );
  const popular = useMemo(
    () => popularInstitutions(language, { demo, ...(institutions ? { institutions } : {}) }),
    [language, demo, institutions],
  );

  return (
    <Screen title={m.title}>
      {filterEnable && (
        <div className="cw-field">
          <label className="cw-label" htmlFor={`${id}-search`}>
            {m.search}
          </label>
          <div className="cw-search">
            <SearchIcon />
            <input
              id={`${id}-search`}
              className="cw-input cw-search__input"
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder={m.searchPlaceholder}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                // Down from the search goes to the first bank, as in a list of suggestions.
                if (event.key !== 'ArrowDown') return;
                const first = document.getElementById(`${id}-list`)?.querySelector('button');
                if (first) {
                  event.preventDefault();
                  first.focus();
                }
              }}
              aria-describedby={`${id}-count`}
            />
          </div>
        </div>
      )}
      <p id={`${id}-count`} className="cw-muted" role="status">
        {searching ? resultText(shown.length, deferredQuery, m) : null}
      </p>
      {!searching && (
        <ul id={`${id}-list`} className="cw-popular" aria-label={m.popular}>
          {popular.map((bank) => (
            <li key={bank.id}>
              <button type="button" className="cw-choice cw-popular__bank" onClick={() => onSelect(bank.id)}>
                <BankTile bank={bank} name={bank.name[language]} />
                <span>{bank.name[language]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {searching && shown.length > 0 && (
        <BankList id={`${id}-list`} banks={shown} label={m.list} onSelect={onSelect} />
      )}
      {searching && shown.length === 0 && onNotFound && (
        <Button variant="secondary" onClick={onNotFound}>
          {m.notFound}
        </Button>
      )}
    </Screen>
  );
}

function resultText(
  count: number,
  query: string,
  m: { results: string; oneResult: string; noResults: string },
) {
  if (count === 0) return format(m.noResults, { query: query.trim() });
  return count === 1 ? m.oneResult : format(m.results, { count });
}

function SearchIcon() {
  return (
    <svg className="cw-search__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="10.5" cy="10.5" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M15 15l5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
