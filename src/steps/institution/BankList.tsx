import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useLanguage } from '../../i18n';
import { monogramOf, type Institution } from '../../institutions';
import { BUILT_IN_LOGOS } from '../../institutions/logos';
import './bank-list.css';

/** Rows of a long list are this tall (px, `.cw-bank` in widget.css): the list renders only those in view. */
export const BANK_ROW_PX = 56;
/** Rows in view at once (the list's height), and rows rendered beyond them on each side. */
const ROWS_IN_VIEW = 7;
const OVERSCAN = 4;
/** A list this short renders every row. */
const VIRTUAL_AFTER = 40;
/** More than the rows a long list renders at once (`last - first`): a row's key is its place modulo this. */
const ROW_SLOTS = ROWS_IN_VIEW + 2 * OVERSCAN + 2;

interface BankListProps {
  id: string;
  banks: readonly Institution[];
  label: string;
  onSelect(institution: string): void;
}

/**
 * The banks, each a button with its monogram tile (or logo). A long list renders only the rows in view: each row keeps
 * its place in the whole list for screen readers (`aria-posinset` of `aria-setsize`), and the arrow keys, Home and End
 * move through every row, scrolling it into view. A key that leaves the answer as it was (the search gives back the
 * same list) does not render it again.
 */
export const BankList = memo(function BankList({ id, banks, label, onSelect }: BankListProps) {
  const language = useLanguage();
  const scroller = useRef<HTMLDivElement>(null);
  // Where the person scrolled this answer to: a new answer starts at its top, with no render of its own to say so.
  const [scrolled, setScrolled] = useState({ top: 0, banks });
  const scrollTop = scrolled.banks === banks ? scrolled.top : 0;
  const setScrollTop = (top: number) => {
    if (top !== scrollTop) setScrolled({ top, banks });
  };
  const focusNext = useRef<number | null>(null);
  const virtual = banks.length > VIRTUAL_AFTER;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / BANK_ROW_PX) - OVERSCAN) : 0;
  const last = virtual
    ? Math.min(banks.length, Math.ceil(scrollTop / BANK_ROW_PX) + ROWS_IN_VIEW + OVERSCAN)
    : banks.length;
  // The row holding focus in a long list, for this answer: kept rendered (the same element, still its bank) when the
  // wheel scrolls it out of the rows in view, so focus neither falls to the page nor moves to another bank.
  const [focused, setFocused] = useState<{ index: number; banks: readonly Institution[] } | null>(null);
  const kept =
    virtual && focused?.banks === banks && (focused.index < first || focused.index >= last)
      ? focused.index
      : null;

  // Where the list was last scrolled to (scroll events and the arrow keys say it): read from here, never from the
  // element, whose scrollTop would make the browser lay the page out in the middle of a keystroke.
  const scrolledTo = useRef(0);

  useLayoutEffect(() => {
    // Writing scrollTop lays the page out at once: only when the list is not at the top already.
    if (scrolledTo.current === 0 || !scroller.current) return;
    scroller.current.scrollTop = 0;
    scrolledTo.current = 0;
  }, [banks]);

  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    focusNext.current = null;
    scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"]`)?.focus();
  });

  function moveTo(index: number) {
    const target = Math.max(0, Math.min(banks.length - 1, index));
    const element = scroller.current;
    if (virtual && element) {
      const top = target * BANK_ROW_PX;
      const viewHeight = element.clientHeight || ROWS_IN_VIEW * BANK_ROW_PX;
      let next = element.scrollTop;
      if (top < next) next = top;
      else if (top + BANK_ROW_PX > next + viewHeight) next = top + BANK_ROW_PX - viewHeight;
      element.scrollTop = next;
      scrolledTo.current = next;
      setScrollTop(next);
    }
    focusNext.current = target;
    // Already rendered: focus now (the layout effect runs only when something renders).
    const rendered = element?.querySelector<HTMLButtonElement>(`[data-index="${target}"]`);
    if (rendered) {
      focusNext.current = null;
      rendered.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = Number((event.target as HTMLElement).dataset.index ?? Number.NaN);
    if (Number.isNaN(index)) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: banks.length - 1,
      PageDown: index + ROWS_IN_VIEW,
      PageUp: index - ROWS_IN_VIEW,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  // One handler for every row: a row's props stay the same from one keystroke to the next, so it does not render again.
  function onClick(event: MouseEvent<HTMLUListElement>) {
    const index = Number((event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index);
    const bank = banks[index];
    if (bank) onSelect(bank.id);
  }

  return (
    <div
      ref={scroller}
      className={virtual ? 'cw-banks cw-banks--long' : 'cw-banks'}
      onScroll={(event) => {
        scrolledTo.current = event.currentTarget.scrollTop;
        if (virtual) setScrollTop(scrolledTo.current);
      }}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const index = Number((event.target as HTMLElement).dataset.index ?? Number.NaN);
        if (virtual && !Number.isNaN(index) && (focused?.index !== index || focused.banks !== banks))
          setFocused({ index, banks });
      }}
      onBlur={(event) => {
        if (focused && !event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(null);
      }}
    >
      <ul
        id={id}
        className="cw-choices cw-choices--banks"
        aria-label={label}
        style={virtual ? { height: banks.length * BANK_ROW_PX } : undefined}
        onClick={onClick}
      >
        {rowsOf(first, last, kept).map((index) => {
          const bank = banks[index] as Institution;
          return (
            <BankRow
              // Rows are keyed by place, not by bank: a new answer rewrites the rows on screen (names, tiles) instead
              // of removing them and building new ones, and the catalog taking the built-in list's place keeps the
              // elements of the rows on screen, so a bank pressed while it arrives is still chosen. A long list
              // recycles its rows: one that scrolls out makes the one that scrolls in (its first ROW_SLOTS keys are a
              // short list's). The row kept for focus keeps its element; the one that would have taken it gets its own.
              key={
                !virtual
                  ? index
                  : kept !== null && index !== kept && index % ROW_SLOTS === kept % ROW_SLOTS
                    ? `bank-${index}`
                    : index % ROW_SLOTS
              }
              bank={bank}
              name={bank.name[language]}
              index={index}
              setSize={banks.length}
              virtual={virtual}
            />
          );
        })}
      </ul>
    </div>
  );
});

/** The places of the rows to render, in order: those from `first` to `last`, and the one kept for focus. */
function rowsOf(first: number, last: number, kept: number | null): number[] {
  const rows: number[] = [];
  if (kept !== null && kept < first) rows.push(kept);
  for (let index = first; index < last; index += 1) rows.push(index);
  if (kept !== null && kept >= last) rows.push(kept);
  return rows;
}

interface BankRowProps {
  bank: Institution;
  name: string;
  index: number;
  setSize: number;
  virtual: boolean;
}

/** One bank's row: renders again only when its bank, its place, the list's length or the language changes. */
const BankRow = memo(function BankRow({ bank, name, index, setSize, virtual }: BankRowProps) {
  return (
    <li
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={virtual ? { top: index * BANK_ROW_PX } : undefined}
    >
      <BankButton bank={bank} name={name} index={index} />
    </li>
  );
});

/**
 * The row's button, apart from the row: a keystroke that only changes how many banks match (every row's
 * `aria-setsize`) leaves the buttons, tiles and names of the banks still in place untouched.
 */
const BankButton = memo(function BankButton({
  bank,
  name,
  index,
}: Omit<BankRowProps, 'setSize' | 'virtual'>) {
  return (
    <button type="button" className="cw-choice cw-bank" data-index={index}>
      <BankTile bank={bank} name={name} />
      <span className="cw-bank__name">{name}</span>
    </button>
  );
});

/**
 * The bank's logo (the catalog's, or one the widget draws for a built-in bank), else its monogram on one neutral tile:
 * no colour made up for a bank that has its own. Decorative: the name says it.
 */
export function BankTile({ bank, name }: { bank: Institution; name: string }) {
  const logo = bank.logoUrl ?? BUILT_IN_LOGOS[bank.id];
  if (logo) return <img className="cw-bank__tile" src={logo} alt="" width={40} height={40} />;
  return (
    <span className="cw-bank__tile" aria-hidden="true">
      {monogramOf(name)}
    </span>
  );
}
