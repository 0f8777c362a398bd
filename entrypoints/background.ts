import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Handlers are registered by the popup issue (badge); kept minimal: no network, no remote code.
});
