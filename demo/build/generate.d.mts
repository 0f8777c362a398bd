/** Every file of the demo site, as [path under demo/site, content] (demo/build/generate.mjs). */
export function renderSite(): [string, string][];
