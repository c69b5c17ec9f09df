import type { ReactNode } from 'react';
import { useUiMessages } from '../i18n';

export interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  variant?: 'button' | 'link';
}

/** A link to another site (the bank's), in a new tab that can't reach back into this page. */
export function ExternalLink({ href, children, variant = 'link' }: ExternalLinkProps) {
  const m = useUiMessages();
  return (
    <a
      className={variant === 'button' ? 'cw-button cw-button--secondary' : 'cw-link'}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
    >
      {children}
      <span className="cw-visually-hidden"> {m.ui.widget.opensInNewTab}</span>
    </a>
  );
}
