/** Where the server mounted the dashboard (the page's `gg-base` meta tag); "" at the root. */
export const basePath = document.querySelector<HTMLMetaElement>('meta[name="gg-base"]')?.content ?? "";
