// Nitro 2's virtual module of the build's public files (what its static handler serves), read by
// server/plugins/response-replay.ts. Nitro generates it at build time without declaring its types.
declare module '#nitro-internal-virtual/public-assets' {
  export interface PublicAsset {
    type?: string;
    etag?: string;
    mtime?: string;
    size?: number;
    encoding?: string;
    path: string;
  }
  export function getAsset(id: string): PublicAsset | undefined;
  export function isPublicAssetURL(id?: string): boolean;
}
