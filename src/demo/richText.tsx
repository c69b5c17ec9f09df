import { Fragment, type ReactNode } from 'react';

/**
 * `format()` for markup: fills `{name}` placeholders with elements, so a sentence stays one catalog string in
 * each language while a username or a password inside it is shown in code font.
 * @example
 * richText('Sign in with {username}.', { username: <code>Greatday</code> })
 */
export function richText(template: string, values: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    const value =
      name !== undefined && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : part;
    return <Fragment key={index}>{value}</Fragment>;
  });
}
