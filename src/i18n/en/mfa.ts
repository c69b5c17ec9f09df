/** English strings of the `mfa` namespace. */
export const mfa = {
  placeholder: 'Replace me',
};
