/** English strings of the `guidance` namespace. */
export const guidance = {
  placeholder: 'Replace me',
};
