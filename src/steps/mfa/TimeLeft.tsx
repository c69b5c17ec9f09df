import { format, useMessages, type Messages } from '../../i18n';

/** The countdown appears under this many seconds. */
const SHOWN_UNDER = 120;

/**
 * The bank's inactivity window, shown as a clock. The clock itself is not a live region: a screen reader hears
 * about it only when it crosses a threshold, not every second.
 */
export function TimeLeft({ secondsLeft }: { secondsLeft: number | null }) {
  const m = useMessages();
  const seconds = secondsLeft === null ? null : Math.max(0, Math.floor(secondsLeft));
  const shown = seconds !== null && seconds < SHOWN_UNDER;
  return (
    <>
      {shown && (
        <p className="cw-muted cw-timer" role="timer">
          {format(m.mfa.timer.left, { time: clock(seconds) })}
        </p>
      )}
      <p className="cw-visually-hidden" aria-live="polite">
        {shown ? announcementFor(seconds, m) : null}
      </p>
    </>
  );
}

/** `1:42` */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Changes only when 60 and 30 seconds pass, so the live region speaks only then. */
function announcementFor(seconds: number, m: Messages): string {
  if (seconds < 30) return m.mfa.timer.underThirtySeconds;
  if (seconds < 60) return m.mfa.timer.underOneMinute;
  return m.mfa.timer.underTwoMinutes;
}
