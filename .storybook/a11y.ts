/**
 * axe rules on top of its defaults, for every story. axe leaves its WCAG 2.2 target-size check (2.5.8) off by
 * default; it is on here. A story that sets its own `a11y.config.rules` must spread these first.
 */
export const A11Y_RULES = [{ id: 'target-size', enabled: true }];
