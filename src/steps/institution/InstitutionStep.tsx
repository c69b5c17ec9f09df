import { useDeferredValue, useId, useMemo, useState } from 'react';
import { format, useLanguage, useUiMessages } from '../../i18n';
import { searchInstitutions, type Institution } from '../../institutions';
import { Screen } from '../../ui';
import { BankList } from './BankList';

export interface InstitutionStepProps {
  /** Lists Flinks Capital, the sandbox bank. */
  demo: boolean;
  /** Shows the search box (on by default). */
  filterEnable: boolean;
  /** The list to choose from (the server's catalog); the built-in list by default. */
  institutions?: readonly Institution[];
  onSelect(institution: string): void;
}

/** The bank list: popular banks first, narrowed by a search that ignores case and accents. */
export function InstitutionStep({ demo, filterEnable, institutions, onSelect }: InstitutionStepProps) {
  const m = useUiMessages().ui.institution;
  const language = useLanguage();
  const id = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(
    () =>
      searchInstitutions(filterEnable ? deferredQuery : '', {
        demo,
        language,
        ...(institutions ? { institutions } : {}),
      }),
    [deferredQuery, demo, language, filterEnable, institutions],
  );
  const searching = filterEnable && deferredQuery.trim() !== '';

  return (
    <Screen title={m.title}>
      {filterEnable && (
        <div className="cw-field">
          <label className="cw-label" htmlFor={`${id}-search`}>
            {m.search}
          </label>
          <input
            id={`${id}-search`}
            className="cw-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
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
      )}
      <p id={`${id}-count`} className="cw-muted" role="status">
        {searching ? resultText(shown.length, deferredQuery, m) : null}
      </p>
      {shown.length > 0 && <BankList id={`${id}-list`} banks={shown} label={m.list} onSelect={onSelect} />}
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
