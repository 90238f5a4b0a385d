/** The CMS origin the server talks to (runtime config `cmsUrl`, NUXT_CMS_URL). */
export function cmsUrl(): string {
  return useRuntimeConfig().cmsUrl.replace(/\/$/, '');
}
