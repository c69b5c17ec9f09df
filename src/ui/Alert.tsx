import type { ReactNode } from 'react';
import './alert.css';

/** A message announced as it appears (live region). `id` lets a field point at it with aria-describedby. */
export function Alert({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <div className="cw-alert" id={id} role="alert">
      {children}
    </div>
  );
}
