/**
 * Stand-in for WXT's virtual `#imports` module when Node (tsx) loads project files in e2e tests, so a test can
 * import plain data such as DEFAULT_OPTIONS. Storage items defined here are inert; tests never call them.
 */
export const storage = {
  defineItem: () => ({}),
};
