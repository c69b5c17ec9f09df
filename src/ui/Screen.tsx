import { useId, type ReactNode } from 'react';
import { useStepFocus } from './focus';
import { KeepBankName } from './KeepBankName';

export interface ScreenProps {
  title: string;
  children?: ReactNode;
  /** Extra class on the section, e.g. `cw-screen--guidance`. */
  className?: string;
}

/**
 * One step: a section named by its h2, which takes focus when the step changes (tabIndex -1: reachable by script,
 * not by Tab).
 */
export function Screen({ title, children, className }: ScreenProps) {
  const headingId = `${useId()}-heading`;
  const headingRef = useStepFocus<HTMLHeadingElement>();
  return (
    <section className={className ? `cw-screen ${className}` : 'cw-screen'} aria-labelledby={headingId}>
      <h2 className="cw-heading" id={headingId} ref={headingRef} tabIndex={-1}>
        <KeepBankName text={title} />
      </h2>
      {children}
    </section>
  );
}
