/**
 * The minute the page was rendered on the server (ISO), carried in the payload: queries that
 * depend on "now" (upcoming or past sessions) have the same variables in the browser, so
 * hydration finds their results in the payload and sends no request.
 */
export function useRenderTime() {
  return useState('render-time', () => {
    const now = new Date();
    now.setSeconds(0, 0);
    return now.toISOString();
  });
}
