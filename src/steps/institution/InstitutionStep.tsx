import { useDeferredValue, useId, useMemo, useState } from 'react';
import { format, useLanguage, useUiMessages } from '../../i18n';
import { searchInstitutions } from '../../institutions';
import { Screen } from '../../ui';

export interface InstitutionStepProps {
  /** Lists Flinks Capital, the sandbox bank. */
  demo: boolean;
  /** Shows the search box (on by default). */
  filterEnable: boolean;
  onSelect(institution: string): void;
}

/** The bank list: popular banks first, narrowed by a search that ignores case and accents. */
export function InstitutionStep({ demo, filterEnable, onSelect }: InstitutionStepProps) {
  const m = useUiMessages().ui.institution;
  const language = useLanguage();
  const id = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(
    () => searchInstitutions(filterEnable ? deferredQuery : '', { demo, language }),
    [deferredQuery, demo, language, filterEnable],
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
            aria-describedby={`${id}-count`}
          />
        </div>
      )}
      <p id={`${id}-count`} className="cw-muted" role="status">
        {searching ? resultText(shown.length, deferredQuery, m) : null}
      </p>
      {shown.length > 0 && (
        <ul className="cw-choices" aria-label={m.list}>
          {shown.map((institution) => (
            <li key={institution.id}>
              <button type="button" className="cw-choice" onClick={() => onSelect(institution.id)}>
                {institution.name[language]}
              </button>
            </li>
          ))}
        </ul>
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
