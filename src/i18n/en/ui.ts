/** English strings of the `ui` namespace. */
export const ui = {
  placeholder: 'Replace me',
};
