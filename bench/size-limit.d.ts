// size-limit's presets ship no types: a preset is a list of plugins, as `size-limit`'s own API takes them.
declare module '@size-limit/preset-small-lib' {
  const plugins: ((...args: unknown[]) => unknown)[];
  export default plugins;
}
