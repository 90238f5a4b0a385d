/**
 * The page is readable from its server-rendered HTML; its scripts (deferred modules) only make it
 * interactive. They are fetched with low priority, after the document and its images, so that on
 * a slow connection they do not compete with what the reader sees first (and Lighthouse's
 * simulation does not count them as blocking the first paint).
 */
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.ssrContext?.head.hooks?.hook('tags:resolve', ({ tags }) => {
    for (const tag of tags) {
      const { rel, type, src } = tag.props;
      if ((tag.tag === 'link' && rel === 'modulepreload') || (tag.tag === 'script' && type === 'module' && src)) {
        tag.props.fetchpriority = 'low';
      }
    }
  });
});
