// Everything the site's process writes (console, Nitro's and Nuxt's loggers, a library's warning)
// goes through stdout and stderr: there, and so everywhere, a self-service token's value is
// replaced before it reaches a log (server/utils/redact.ts). A plugin runs before the server takes
// its first request.
export default defineNitroPlugin(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string') return write(redactTokens(chunk), ...rest);
      if (
        chunk instanceof Uint8Array &&
        Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes('oken')
      ) {
        return write(redactTokens(Buffer.from(chunk).toString('utf8')), ...rest);
      }
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
});
