import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet';
}

/** The widget's button. `type` defaults to "button" so only real submit buttons submit a form. */
export function Button({ variant = 'primary', className, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={`cw-button cw-button--${variant}${className ? ` ${className}` : ''}`}
    >
      {children}
    </button>
  );
}

/** A row of actions, the primary one first in reading order. */
export function Actions({ children }: { children: ReactNode }) {
  return <div className="cw-actions">{children}</div>;
}
