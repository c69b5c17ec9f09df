/**
 * Fills `{name}` placeholders. A placeholder without a value stays visible, so a missing value is noticed
 * in review instead of silently disappearing.
 */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
