import type { ReactNode } from 'react';
import { useUiMessages } from '../i18n';

export interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  /** A link that looks like a button (`primary` for a screen's main action; `button` is `secondary`), or in text. */
  variant?: 'primary' | 'secondary' | 'button' | 'link';
  id?: string;
}

/** A link to another site (the bank's), in a new tab that can't reach back into this page. */
const CLASSES: Record<NonNullable<ExternalLinkProps['variant']>, string> = {
  primary: 'cw-button cw-button--primary',
  secondary: 'cw-button cw-button--secondary',
  button: 'cw-button cw-button--secondary',
  link: 'cw-link',
};

export function ExternalLink({ href, children, variant = 'link', id }: ExternalLinkProps) {
  const m = useUiMessages();
  return (
    <a id={id} className={CLASSES[variant]} href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="cw-visually-hidden"> {m.ui.widget.opensInNewTab}</span>
    </a>
  );
}
