import type { ReactNode } from 'react';
import { useUiMessages } from '../i18n';

export interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  variant?: 'button' | 'link';
  /** Told when the person opens the link (the page itself opens in a new tab). */
  onOpen?(): void;
}

/** A link to another site (the bank's), in a new tab that can't reach back into this page. */
export function ExternalLink({ href, children, variant = 'link', onOpen }: ExternalLinkProps) {
  const m = useUiMessages();
  return (
    <a
      className={variant === 'button' ? 'cw-button cw-button--secondary' : 'cw-link'}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      {...(onOpen ? { onClick: onOpen } : {})}
    >
      {children}
      <span className="cw-visually-hidden"> {m.ui.widget.opensInNewTab}</span>
    </a>
  );
}
